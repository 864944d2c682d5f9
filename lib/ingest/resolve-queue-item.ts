import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb, TTx } from '../db/client';
import type { Prisma, Role } from '../db/generated/client';
import { AppError } from '../errors';
import { announceChange } from '../live/changes';

export const QUEUE_ROLES: readonly Role[] = ['MEDEWERKER', 'BEHEERDER'];

/** The acting user, if active now and in one of `roles`; their display name for "… door <naam>". */
export async function requireQueueUser(
  db: TDb | TTx,
  actor: TAuditActor,
  roles: readonly Role[] = QUEUE_ROLES,
): Promise<{ id: string; name: string; role: Role }> {
  const user = actor.id
    ? await db.user.findFirst({
        where: { id: actor.id, active: true, role: { in: [...roles] } },
        select: { id: true, name: true, email: true, role: true },
      })
    : null;
  if (!user) throw new AppError('forbidden', 'U mag dit bericht niet behandelen');
  return { id: user.id, name: user.name ?? user.email, role: user.role };
}

/**
 * One work-queue action on one ledger message, in the caller's transaction: the row locked, the
 * precondition checked (`where`), the change written and audited with its reason. Returns the
 * locked row.
 */
export async function resolveQueueItem(
  tx: TTx,
  opts: {
    actor: TAuditActor;
    id: string;
    where: Prisma.InboundMessageWhereInput;
    notAllowed: string;
    data: Prisma.InboundMessageUpdateInput;
    action: string;
    reason: string | null;
  },
) {
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "InboundMessage" WHERE id = ${opts.id}::uuid FOR UPDATE`;
  if (!locked) throw new AppError('not_found', 'Dit bericht bestaat niet');
  const row = await tx.inboundMessage.findFirst({ where: { AND: [{ id: opts.id }, opts.where] } });
  if (!row) throw new AppError('conflict', opts.notAllowed);
  const updated = await tx.inboundMessage.update({ where: { id: opts.id }, data: opts.data });
  await announceChange(tx, updated.meldingId);
  await audit(tx, {
    actor: opts.actor,
    action: opts.action,
    objectType: 'message',
    objectId: opts.id,
    details: { metReden: !!opts.reason },
  });
  return { before: row, after: updated };
}
