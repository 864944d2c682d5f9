import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { requireQueueUser, resolveQueueItem } from './resolve-queue-item';

/** A quarantined message judged not genuine: rejected, no signal to anyone, kept in the ledger. */
export async function rejectQuarantined(opts: {
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
      where: { state: 'QUARANTINED' },
      notAllowed: 'Dit bericht staat niet (meer) in quarantaine',
      action: 'bericht.afgewezen',
      reason: opts.reason,
      data: {
        state: 'IGNORED',
        outcome: 'REJECTED',
        resolution: 'REJECTED',
        resolvedBy: user.name,
        resolvedAt: new Date(),
        resolutionNote: opts.reason,
      },
    });
  });
}
