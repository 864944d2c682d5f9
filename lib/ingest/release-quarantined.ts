import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { requireQueueUser, resolveQueueItem } from './resolve-queue-item';

/**
 * A person vouches for a quarantined message (e.g. after calling the police): it goes back to the
 * worker, which processes it as if verified — the melding, its acceptatiesignaal — and shows it
 * as "handmatig vrijgegeven door <naam>".
 */
export async function releaseQuarantined(opts: {
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
      action: 'bericht.vrijgegeven',
      reason: opts.reason,
      data: {
        state: 'STORED',
        outcome: null,
        releasedBy: user.name,
        resolution: 'RELEASED',
        resolvedBy: user.name,
        resolvedAt: new Date(),
        resolutionNote: opts.reason,
        attempts: 0,
        deferrals: 0,
        retryAt: null,
        targetFolder: null,
        processedAt: null,
        error: null,
      },
    });
  });
}
