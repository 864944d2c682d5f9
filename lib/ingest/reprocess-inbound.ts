import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { requireQueueUser, resolveQueueItem } from './resolve-queue-item';

/**
 * Offers a decided message to the worker again (after a parser fix or a policy change): back to
 * STORED, decided afresh from the raw bytes in the ledger. A signal sent before is not sent twice
 * (the outbox keeps one per message and kind). Meldingen already made from it stay as they are.
 */
export async function reprocessInbound(opts: {
  db: TDb;
  actor: TAuditActor;
  id: string;
  reason: string;
}): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    await requireQueueUser(tx, opts.actor);
    await resolveQueueItem(tx, {
      actor: opts.actor,
      id: opts.id,
      where: {
        state: { in: ['PROCESSED', 'IGNORED', 'QUARANTINED', 'PARKED', 'FAILED'] },
        rawHash: { not: null },
        OR: [
          { outcome: null },
          { outcome: { notIn: ['MELDING_ACCEPTED', 'MELDING_ACCEPTED_WARNINGS', 'REPLY_LINKED'] } },
        ],
      },
      notAllowed:
        'Dit bericht kan niet opnieuw worden verwerkt (al een melding of reactie, of de inhoud is verwijderd)',
      action: 'bericht.opnieuw_verwerken',
      reason: opts.reason,
      data: {
        state: 'STORED',
        outcome: null,
        resolution: null,
        resolvedBy: null,
        resolvedAt: null,
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
