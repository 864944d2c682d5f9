import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { findLinkTarget, queueItemAttachments } from './link-target';
import { requireQueueUser, resolveQueueItem } from './resolve-queue-item';
import { putAttachmentBytes, saveAttachments } from './save-attachments';

/** How a message joins a melding: as a reply on its timeline, or only its attachments. */
export type TLinkAs = 'reactie' | 'bijlagen';

/**
 * A person links a work-queue message to an existing melding (by kenmerk): as a reply, it appears
 * on that melding's timeline with its attachments; as attachments, only its files join the
 * melding (e.g. a photo or report sent separately). The melding's status does not change: the
 * person decides what follows. (As a new version of the form: link-inbound-as-version.ts.)
 */
export async function linkInboundToMelding(opts: {
  db: TDb;
  actor: TAuditActor;
  id: string;
  kenmerk: string;
  reason: string;
  als?: TLinkAs;
}): Promise<{ meldingId: string }> {
  const als = opts.als ?? 'reactie';
  const { id: meldingId } = await findLinkTarget(opts.db, opts.kenmerk);
  const attachments = await putAttachmentBytes(opts.db, await queueItemAttachments(opts.db, opts.id));
  await opts.db.$transaction(async (tx) => {
    const user = await requireQueueUser(tx, opts.actor, ['MEDEWERKER']);
    const resolved = {
      melding: { connect: { id: meldingId } },
      resolution: 'LINKED' as const,
      resolvedBy: user.name,
      resolvedAt: new Date(),
      resolutionNote: opts.reason,
    };
    await resolveQueueItem(tx, {
      actor: opts.actor,
      id: opts.id,
      where: {
        state: { notIn: ['STORED', 'FAILED'] },
        AND: [
          {
            OR: [
              { outcome: null },
              { outcome: { notIn: ['MELDING_ACCEPTED', 'MELDING_ACCEPTED_WARNINGS', 'REPLY_LINKED'] } },
            ],
          },
          // Linked once is enough: its attachments are on the melding already.
          { OR: [{ resolution: null }, { resolution: { not: 'LINKED' } }] },
        ],
      },
      notAllowed: 'Dit bericht is al een melding of al gekoppeld',
      action: als === 'bijlagen' ? 'bericht.bijlagen_gekoppeld' : 'bericht.gekoppeld',
      reason: opts.reason,
      data:
        als === 'bijlagen'
          ? resolved
          : { ...resolved, kind: 'REACTIE', outcome: 'REPLY_LINKED', state: 'PROCESSED' },
    });
    await saveAttachments({ tx, attachments, meldingId, inboundId: opts.id });
    await audit(tx, {
      actor: opts.actor,
      action: als === 'bijlagen' ? 'melding.bijlagen_gekoppeld' : 'melding.bericht_gekoppeld',
      objectType: 'melding',
      objectId: meldingId,
      details: { bijlagen: attachments.length },
    });
  });
  return { meldingId };
}
