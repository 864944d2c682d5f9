import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import { hashPassword, verifyPassword } from './password';
import { ZNewPassword } from './password-rules';
import { liveSessionWhere } from './session-stage';
import { sessionTimes } from './session-times';
import type { TDb } from '../db/client';
import { LOGIN_MESSAGES } from './login-throttle';
import { recordLoginFailure } from './record-login-failure';
import { reserveLoginAttempt } from './reserve-login-attempt';
import { settleLoginAttempt } from './settle-login-attempt';
import { authNow } from './auth-clock';

export type TChangePasswordResult = { ok: true } | { ok: false; message: string };

/**
 * Sets a new password for the user of an MFA-verified session (also the forced change after a
 * generated one-time password). Other sessions of the user end; this one stays. Checking the
 * current password counts against the same sign-in limits as the login form, reserved before the
 * check (a stolen session must not become a password oracle).
 */
export async function changePassword(opts: {
  db: TDb;
  sessionId: string;
  current: string;
  next: string;
  actor: TAuditActor;
}): Promise<TChangePasswordResult> {
  const { db, actor } = opts;
  const session = await db.session.findFirst({
    where: {
      id: opts.sessionId,
      mfaVerifiedAt: { not: null },
      ...liveSessionWhere(authNow(), sessionTimes().idleMs),
    },
    select: { user: { select: { id: true, email: true, passwordHash: true } } },
  });
  if (!session?.user.passwordHash) return { ok: false, message: 'Uw sessie is verlopen. Log opnieuw in.' };
  const { user } = session;
  const parsed = ZNewPassword.safeParse(opts.next);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const ip = actor.ip ?? null;
  const reservation = await reserveLoginAttempt({ db, email: user.email, ip });
  if (!reservation.ok) {
    await audit(db, {
      actor,
      action: 'auth.password.change',
      objectType: 'user',
      objectId: user.id,
      outcome: 'DENIED',
      details: { reason: reservation.reason },
    });
    return { ok: false, message: LOGIN_MESSAGES.locked };
  }
  if (!(await verifyPassword(user.passwordHash!, opts.current))) {
    await audit(db, {
      actor,
      action: 'auth.password.change',
      objectType: 'user',
      objectId: user.id,
      outcome: 'DENIED',
      details: { reason: 'invalid_current' },
    });
    const locked = await recordLoginFailure({
      db,
      reservation,
      email: user.email,
      ip,
      userId: user.id,
      actor,
    });
    return { ok: false, message: locked ? LOGIN_MESSAGES.locked : 'Het huidige wachtwoord klopt niet.' };
  }
  await settleLoginAttempt({ db, attemptId: reservation.attemptId, as: 'not-a-failure' });
  if (await verifyPassword(user.passwordHash!, parsed.data))
    return { ok: false, message: 'Kies een ander wachtwoord dan het huidige.' };
  const passwordHash = await hashPassword(parsed.data);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, oneTimePasswordExpiresAt: null },
    });
    const ended = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, NOT: { id: opts.sessionId } },
      data: { revokedAt: new Date() },
    });
    await audit(tx, {
      actor,
      action: 'auth.password.change',
      objectType: 'user',
      objectId: user.id,
      details: { otherSessionsEnded: ended.count },
    });
  });
  return { ok: true };
}
