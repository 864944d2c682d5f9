import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { keepOneBeheerder } from './keep-one-beheerder';
import { requireBeheerder } from '../auth/require-beheerder';

/**
 * Deactivates a user — every open session is revoked in the same transaction, so their next
 * request is refused — or reactivates one.
 */
export async function setUserActive(opts: {
  db: TDb;
  actor: TAuditActor;
  userId: string;
  active: boolean;
}): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const user = await tx.user.findUnique({
      where: { id: opts.userId },
      select: { role: true, active: true },
    });
    if (!user) throw new AppError('not_found', 'Gebruiker niet gevonden');
    if (!opts.active && user.role === 'BEHEERDER') await keepOneBeheerder(tx, opts.userId);
    await tx.user.update({
      where: { id: opts.userId },
      data: { active: opts.active, ...(opts.active ? { failedLogins: 0, lockedUntil: null } : {}) },
    });
    const ended = opts.active
      ? { count: 0 }
      : await tx.session.updateMany({
          where: { userId: opts.userId, revokedAt: null },
          data: { revokedAt: new Date() },
        });
    await audit(tx, {
      actor: opts.actor,
      action: opts.active ? 'user.activate' : 'user.deactivate',
      objectType: 'user',
      objectId: opts.userId,
      details: { sessiesBeeindigd: ended.count },
    });
  });
}
