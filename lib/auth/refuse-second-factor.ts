import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { recordLoginFailure } from './record-login-failure';
import type { TLoginReservation } from './reserve-login-attempt';

/**
 * A wrong code at the second factor or at enrolment: audited as denied under `action`, counted as a
 * failed attempt (which may lock the account); answers whether the account is locked now.
 */
export async function refuseSecondFactor(opts: {
  db: TDb;
  action: string;
  actor: TAuditActor;
  user: { id: string; email: string };
  ip: string | null;
  reservation: Extract<TLoginReservation, { ok: true }>;
}): Promise<{ ok: false; reason: 'locked' | 'invalid' }> {
  await audit(opts.db, {
    actor: opts.actor,
    action: opts.action,
    objectType: 'user',
    objectId: opts.user.id,
    outcome: 'DENIED',
    details: { reason: 'invalid' },
  });
  const locked = await recordLoginFailure({
    db: opts.db,
    reservation: opts.reservation,
    email: opts.user.email,
    ip: opts.ip,
    userId: opts.user.id,
    actor: opts.actor,
  });
  return { ok: false, reason: locked ? 'locked' : 'invalid' };
}
