import 'server-only';
import type { TDb } from '../db/client';

/**
 * The TOTP time step this user last signed in with (from the audit trail, which records it), so
 * a code seen once — over a shoulder, in a proxy log — cannot be used again.
 */
export async function getLastTotpStep(opts: { db: TDb; userId: string }): Promise<number | null> {
  const last = await opts.db.auditEvent.findFirst({
    where: { actorId: opts.userId, action: { in: ['auth.mfa', 'auth.mfa.enrol'] }, outcome: 'SUCCESS' },
    orderBy: { at: 'desc' },
    select: { details: true },
  });
  const step = (last?.details as { timeStep?: unknown } | null)?.timeStep;
  return typeof step === 'number' ? step : null;
}
