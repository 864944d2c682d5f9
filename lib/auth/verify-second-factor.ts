import 'server-only';
import { audit } from '../audit/audit';
import { decryptStoredSecret } from '../secrets/crypto';
import { totpSecretContext } from '../secrets/secret-context';
import { getKeyring } from '../secrets/keyring';
import { matchRecoveryCode } from './recovery-codes';
import { liveSessionWhere } from './session-stage';
import { sessionTimes } from './session-times';
import { checkTotp, looksLikeTotp } from './totp';
import type { TDb } from '../db/client';
import { refuseSecondFactor } from './refuse-second-factor';
import { reserveLoginAttempt } from './reserve-login-attempt';
import { rotateSession } from './rotate-session';
import { settleLoginAttempt } from './settle-login-attempt';
import { authNow } from './auth-clock';

export type TSecondFactorResult =
  { ok: true; sessionId: string } | { ok: false; reason: 'invalid' | 'locked' | 'no_session' };

/**
 * The second step for an enrolled user: a TOTP code or an unused recovery code (then spent).
 * Success replaces the password-only session by a new one (new id) that is MFA-verified, with the
 * same absolute end. Failures count towards the same lockout as wrong passwords.
 */
export async function verifySecondFactor(opts: {
  db: TDb;
  sessionId: string;
  code: string;
  ip: string | null;
  userAgent: string | null;
}): Promise<TSecondFactorResult> {
  const { db, ip, userAgent } = opts;
  const pending = await db.session.findFirst({
    where: {
      id: opts.sessionId,
      mfaVerifiedAt: null,
      ...liveSessionWhere(authNow(), sessionTimes().idleMs),
      user: { active: true, mfaEnrolledAt: { not: null } },
    },
    include: {
      user: {
        select: { id: true, email: true, mfaSecretEnc: true, recoveryCodeHashes: true, lastTotpStep: true },
      },
    },
  });
  if (!pending?.user.mfaSecretEnc) return { ok: false, reason: 'no_session' };
  const user = pending.user;
  const actor = { id: user.id, label: user.email, ip, userAgent };
  const reservation = await reserveLoginAttempt({ db, email: user.email, ip });
  if (!reservation.ok) {
    await audit(db, {
      actor,
      action: 'auth.mfa',
      objectType: 'user',
      objectId: user.id,
      outcome: 'DENIED',
      details: { reason: 'locked' },
    });
    return { ok: false, reason: 'locked' };
  }

  let method: 'totp' | 'recovery' | null = null;
  let timeStep: number | null = null;
  let remaining: string[] | null = null;
  if (looksLikeTotp(opts.code)) {
    const secret = decryptStoredSecret(user.mfaSecretEnc!, getKeyring(), totpSecretContext(user.id));
    timeStep = await checkTotp(secret, opts.code, user.lastTotpStep, Math.floor(authNow().getTime() / 1000));
    if (timeStep !== null) {
      // Claim the step atomically: of two requests with the same code, only one gets it.
      const claimed = await db.user.updateMany({
        where: { id: user.id, OR: [{ lastTotpStep: null }, { lastTotpStep: { lt: timeStep } }] },
        data: { lastTotpStep: timeStep },
      });
      if (claimed.count === 1) method = 'totp';
    }
  } else {
    const index = matchRecoveryCode(user.recoveryCodeHashes, opts.code);
    if (index >= 0) {
      remaining = user.recoveryCodeHashes.filter((_, i) => i !== index);
      // Spend it only if nobody spent a code in between (two tabs, two attackers).
      const spent = await db.user.updateMany({
        where: { id: user.id, recoveryCodeHashes: { equals: user.recoveryCodeHashes } },
        data: { recoveryCodeHashes: remaining },
      });
      if (spent.count === 1) method = 'recovery';
    }
  }

  if (!method) return refuseSecondFactor({ db, action: 'auth.mfa', actor, user, ip, reservation });
  await settleLoginAttempt({ db, attemptId: reservation.attemptId, as: 'not-a-failure' });
  const now = authNow();
  const session = await db.$transaction(async (tx) => {
    const row = await rotateSession({ tx, session: pending, now, ip, userAgent });
    await audit(tx, {
      actor,
      action: 'auth.mfa',
      objectType: 'user',
      objectId: user.id,
      details: {
        method,
        ...(timeStep !== null ? { timeStep } : {}),
        ...(remaining ? { recoveryCodesLeft: remaining.length } : {}),
      },
    });
    return row;
  });
  return { ok: true, sessionId: session.id };
}
