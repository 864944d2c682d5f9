import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { requireQueueUser, resolveQueueItem } from './resolve-queue-item';

/**
 * Register a work-queue message as a melding from its attached form: the worker reads the form
 * again (parsing runs there, in its guarded thread) and records the melding, whatever the subject
 * or sender; the police get the acceptatiesignaal when it was a protocol melding. When the form
 * cannot be read the item returns to the queue with that reason (then: register by hand).
 */
export async function registerInboundMelding(opts: {
  db: TDb;
  actor: TAuditActor;
  id: string;
  reason: string;
}): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    const user = await requireQueueUser(tx, opts.actor, ['MEDEWERKER']);
    await resolveQueueItem(tx, {
      actor: opts.actor,
      id: opts.id,
      where: {
        state: { notIn: ['STORED', 'FAILED'] },
        rawHash: { not: null },
        meldingId: null,
        OR: [{ outcome: null }, { outcome: { notIn: ['MELDING_ACCEPTED', 'MELDING_ACCEPTED_WARNINGS'] } }],
      },
      notAllowed:
        'Van dit bericht kan geen melding worden gemaakt (al gekoppeld, of de inhoud is verwijderd)',
      action: 'bericht.registreren',
      reason: opts.reason,
      data: {
        state: 'STORED',
        releasedBy: user.name,
        resolution: 'REGISTERED',
        resolvedBy: user.name,
        resolvedAt: new Date(),
        resolutionNote: opts.reason,
        attempts: 0,
        retryAt: null,
        targetFolder: null,
        processedAt: null,
      },
    });
  });
}
