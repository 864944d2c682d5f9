import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { LOGIN_LOCK_MS } from './login-throttle';
import { getLoginBlock } from './get-login-block';
import type { TLoginReservation } from './reserve-login-attempt';

/**
 * Completes a reserved attempt (reserveLoginAttempt wrote it as a failure) whose password or code
 * was wrong. When it is the one that locks the account or the IP address, the lock is audited
 * (`auth.lockout`) and shown on the user row. Returns whether the attempt is now locked out.
 */
export async function recordLoginFailure(opts: {
  db: TDb;
  reservation: Extract<TLoginReservation, { ok: true }>;
  email: string;
  ip: string | null;
  userId: string | null;
  actor: TAuditActor;
}): Promise<boolean> {
  const { db, email, ip, userId, reservation } = opts;
  const block = await getLoginBlock({ db, email, ip, now: reservation.at });
  // A lock this attempt started ends exactly one lock period after it.
  const startedNow = (until: Date | null) => until?.getTime() === reservation.at.getTime() + LOGIN_LOCK_MS;
  if (userId) {
    await db.user.update({
      where: { id: userId },
      data: {
        failedLogins: { increment: 1 },
        ...(startedNow(block.account) ? { lockedUntil: block.account } : {}),
      },
    });
  }
  if (startedNow(block.account)) {
    await audit(db, {
      actor: opts.actor,
      action: 'auth.lockout',
      objectType: 'user',
      objectId: userId,
      outcome: 'DENIED',
      details: { scope: 'account', until: block.account!.toISOString() },
    });
  }
  if (startedNow(block.ip)) {
    await audit(db, {
      actor: opts.actor,
      action: 'auth.lockout',
      objectType: 'system',
      objectId: null,
      outcome: 'DENIED',
      details: { scope: 'ip', until: block.ip!.toISOString() },
    });
  }
  return block.account !== null || block.ip !== null;
}
