import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { AppError } from '../errors';
import { keepOneBeheerder } from './keep-one-beheerder';
import { requireBeheerder } from '../auth/require-beheerder';

/** Changes a user's role. Their open sessions end, so the new role applies from the next sign-in. */
export async function setUserRole(o: {
  db: TDb;
  actor: TAuditActor;
  userId: string;
  role: Role;
}): Promise<void> {
  await o.db.$transaction(async (tx) => {
    await requireBeheerder(tx, o.actor);
    const user = await tx.user.findUnique({ where: { id: o.userId }, select: { role: true } });
    if (!user) throw new AppError('not_found', 'Gebruiker niet gevonden');
    if (user.role === o.role) return;
    if (user.role === 'BEHEERDER') await keepOneBeheerder(tx, o.userId);
    await tx.user.update({ where: { id: o.userId }, data: { role: o.role } });
    await tx.session.updateMany({
      where: { userId: o.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit(tx, {
      actor: o.actor,
      action: 'user.role',
      objectType: 'user',
      objectId: o.userId,
      details: { van: user.role, naar: o.role },
    });
  });
}
