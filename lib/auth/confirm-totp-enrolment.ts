import 'server-only';
import { audit } from '../audit/audit';
import { decryptStoredSecret } from '../secrets/crypto';
import { totpSecretContext } from '../secrets/secret-context';
import { getKeyring } from '../secrets/keyring';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { liveSessionWhere } from './session-stage';
import { sessionTimes } from './session-times';
import { checkTotp } from './totp';
import type { TDb } from '../db/client';
import { refuseSecondFactor } from './refuse-second-factor';
import { reserveLoginAttempt } from './reserve-login-attempt';
import { rotateSession } from './rotate-session';
import { settleLoginAttempt } from './settle-login-attempt';
import { authNow } from './auth-clock';

export type TEnrolResult =
  | { ok: true; recoveryCodes: string[]; sessionId: string }
  | { ok: false; reason: 'invalid' | 'locked' | 'no_session' };

/**
 * Completes TOTP enrolment with a first code from the app: the user is enrolled, the session is
 * replaced by an MFA-verified one with a new id (as at the second-factor step; the caller hands
 * the browser its new cookie), and ten recovery codes are returned — the only time they exist in
 * plain text (only their hashes are stored).
 */
export async function confirmTotpEnrolment(opts: {
  db: TDb;
  sessionId: string;
  code: string;
  ip: string | null;
  userAgent: string | null;
}): Promise<TEnrolResult> {
  const { db, ip, userAgent } = opts;
  const session = await db.session.findFirst({
    where: {
      id: opts.sessionId,
      mfaVerifiedAt: null,
      ...liveSessionWhere(authNow(), sessionTimes().idleMs),
      user: { active: true, mfaEnrolledAt: null, mfaSecretEnc: { not: null } },
    },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      user: { select: { id: true, email: true, mfaSecretEnc: true } },
    },
  });
  if (!session) return { ok: false, reason: 'no_session' };
  const { user } = session;
  const actor = { id: user.id, label: user.email, ip, userAgent };
  const reservation = await reserveLoginAttempt({ db, email: user.email, ip });
  if (!reservation.ok) return { ok: false, reason: 'locked' };

  const timeStep = await checkTotp(
    decryptStoredSecret(user.mfaSecretEnc!, getKeyring(), totpSecretContext(user.id)),
    opts.code,
    null,
    Math.floor(authNow().getTime() / 1000),
  );
  if (timeStep === null)
    return refuseSecondFactor({ db, action: 'auth.mfa.enrol', actor, user, ip, reservation });
  const recoveryCodes = newRecoveryCodes();
  await settleLoginAttempt({ db, attemptId: reservation.attemptId, as: 'not-a-failure' });
  const now = authNow();
  const rotated = await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        mfaEnrolledAt: now,
        recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
        lastTotpStep: timeStep,
      },
    });
    const row = await rotateSession({ tx, session, now, ip, userAgent });
    await audit(tx, {
      actor,
      action: 'auth.mfa.enrol',
      objectType: 'user',
      objectId: user.id,
      details: { timeStep },
    });
    return row;
  });
  return { ok: true, recoveryCodes, sessionId: rotated.id };
}
