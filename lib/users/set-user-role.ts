import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { AppError } from '../errors';
import { keepOneBeheerder } from './keep-one-beheerder';
import { requireBeheerder } from '../auth/require-beheerder';

/** Changes a user's role. Their open sessions end, so the new role applies from the next sign-in. */
export async function setUserRole(opts: {
  db: TDb;
  actor: TAuditActor;
  userId: string;
  role: Role;
}): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const user = await tx.user.findUnique({ where: { id: opts.userId }, select: { role: true } });
    if (!user) throw new AppError('not_found', 'Gebruiker niet gevonden');
    if (user.role === opts.role) return;
    if (user.role === 'BEHEERDER') await keepOneBeheerder(tx, opts.userId);
    await tx.user.update({ where: { id: opts.userId }, data: { role: opts.role } });
    await tx.session.updateMany({
      where: { userId: opts.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'user.role',
      objectType: 'user',
      objectId: opts.userId,
      details: { van: user.role, naar: opts.role },
    });
  });
}
