import 'server-only';
import { audit } from '../audit/audit';
import { hashPassword, verifyPassword } from './password';
import { sessionTimes } from './session-times';
import type { TDb } from '../db/client';
import { recordLoginFailure } from './record-login-failure';
import { reserveLoginAttempt } from './reserve-login-attempt';
import { settleLoginAttempt } from './settle-login-attempt';
import { authNow } from './auth-clock';

export type TSignInResult = { ok: true; sessionId: string } | { ok: false; reason: 'invalid' | 'locked' };

// Unknown accounts are checked against this, so they take as long as known ones.
let dummyHash: Promise<string> | undefined;

/**
 * The password step: the attempt is counted against the account's and the IP's limits before
 * the password is checked (reserveLoginAttempt), then a NEW session row (never a reused
 * id) that still needs its second factor. Unknown, deactivated and wrong-password accounts all
 * get the same answer.
 */
export async function signInWithPassword(opts: {
  db: TDb;
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}): Promise<TSignInResult> {
  const { db, email, ip, userAgent } = opts;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, active: true, oneTimePasswordExpiresAt: true },
  });
  const actor = { id: user?.id ?? null, label: user?.email ?? 'onbekend', ip, userAgent };
  const reservation = await reserveLoginAttempt({ db, email, ip });
  if (!reservation.ok) {
    await audit(db, {
      actor,
      action: 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      outcome: 'DENIED',
      details: { reason: reservation.reason },
    });
    return { ok: false, reason: 'locked' };
  }
  dummyHash ??= hashPassword('geen-account-met-dit-adres');
  const ok =
    (await verifyPassword(user?.passwordHash ?? (await dummyHash), opts.password)) &&
    !!user?.passwordHash &&
    user.active;
  // An expired one-time password is refused like a wrong one (a beheerder issues a new one).
  const expired = !!user?.oneTimePasswordExpiresAt && user.oneTimePasswordExpiresAt <= authNow();
  if (!user || !ok || expired) {
    await audit(db, {
      actor,
      action: 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      outcome: 'DENIED',
      details: { reason: user && !user.active ? 'inactive' : ok && expired ? 'one_time_expired' : 'invalid' },
    });
    const locked = await recordLoginFailure({
      db,
      reservation,
      email,
      ip,
      userId: user?.id ?? null,
      actor,
    });
    return { ok: false, reason: locked ? 'locked' : 'invalid' };
  }
  const now = new Date();
  const sessionStart = authNow();
  const session = await db.$transaction(async (tx) => {
    await settleLoginAttempt({ db: tx, attemptId: reservation.attemptId, as: 'success' });
    await tx.user.update({
      where: { id: user.id },
      data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
    });
    const row = await tx.session.create({
      data: {
        userId: user.id,
        createdAt: sessionStart,
        lastSeenAt: sessionStart,
        expiresAt: new Date(sessionStart.getTime() + sessionTimes().maxMs),
        ip,
        userAgent,
      },
    });
    await audit(tx, {
      actor,
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      details: { method: 'password', step: 'password' },
    });
    return row;
  });
  return { ok: true, sessionId: session.id };
}
