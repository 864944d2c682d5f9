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
export async function setUserActive(o: {
  db: TDb;
  actor: TAuditActor;
  userId: string;
  active: boolean;
}): Promise<void> {
  await o.db.$transaction(async (tx) => {
    await requireBeheerder(tx, o.actor);
    const user = await tx.user.findUnique({ where: { id: o.userId }, select: { role: true, active: true } });
    if (!user) throw new AppError('not_found', 'Gebruiker niet gevonden');
    if (!o.active && user.role === 'BEHEERDER') await keepOneBeheerder(tx, o.userId);
    await tx.user.update({
      where: { id: o.userId },
      data: { active: o.active, ...(o.active ? { failedLogins: 0, lockedUntil: null } : {}) },
    });
    const ended = o.active
      ? { count: 0 }
      : await tx.session.updateMany({
          where: { userId: o.userId, revokedAt: null },
          data: { revokedAt: new Date() },
        });
    await audit(tx, {
      actor: o.actor,
      action: o.active ? 'user.activate' : 'user.deactivate',
      objectType: 'user',
      objectId: o.userId,
      details: { sessiesBeeindigd: ended.count },
    });
  });
}
