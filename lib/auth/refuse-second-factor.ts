import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { recordLoginFailure } from './record-login-failure';
import type { TLoginReservation } from './reserve-login-attempt';

/**
 * A wrong code at the second factor or at enrolment: audited as denied under `action`, counted as a
 * failed attempt (which may lock the account); answers whether the account is locked now.
 */
export async function refuseSecondFactor(o: {
  db: TDb;
  action: string;
  actor: TAuditActor;
  user: { id: string; email: string };
  ip: string | null;
  reservation: Extract<TLoginReservation, { ok: true }>;
}): Promise<{ ok: false; reason: 'locked' | 'invalid' }> {
  await audit(o.db, {
    actor: o.actor,
    action: o.action,
    objectType: 'user',
    objectId: o.user.id,
    outcome: 'DENIED',
    details: { reason: 'invalid' },
  });
  const locked = await recordLoginFailure({
    db: o.db,
    reservation: o.reservation,
    email: o.user.email,
    ip: o.ip,
    userId: o.user.id,
    actor: o.actor,
  });
  return { ok: false, reason: locked ? 'locked' : 'invalid' };
}
