import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { requireQueueUser, resolveQueueItem } from './resolve-queue-item';

/** A person dealt with a work-queue item outside meldpost (e.g. "telefonisch opgelost met de politie"). */
export async function markInboundHandled(opts: {
  db: TDb;
  actor: TAuditActor;
  id: string;
  reason: string;
}): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    const user = await requireQueueUser(tx, opts.actor);
    await resolveQueueItem(tx, {
      actor: opts.actor,
      id: opts.id,
      where: { resolution: null, state: { notIn: ['STORED', 'FAILED'] } },
      notAllowed: 'Dit bericht is al afgehandeld of wordt nog verwerkt',
      action: 'bericht.afgehandeld',
      reason: opts.reason,
      data: {
        resolution: 'HANDLED',
        resolvedBy: user.name,
        resolvedAt: new Date(),
        resolutionNote: opts.reason,
      },
    });
  });
}
