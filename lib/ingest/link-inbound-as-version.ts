import 'server-only';
import { audit, personKey, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import type { TFinding, TParseResult } from '../form/schema';
import { findLinkTarget, queueItemAttachments } from './link-target';
import { requireQueueUser, resolveQueueItem } from './resolve-queue-item';
import { putAttachmentBytes } from './save-attachments';
import { writeMelding } from './write-melding';

/**
 * A person links a work-queue message to an existing melding as a new version of its form (the
 * police sent a corrected form another way): the form they reviewed (lib/form-review, read by the
 * worker) becomes the melding's next version, with the message's attachments; the melding's
 * status does not change. A kenmerk in the form that differs from the melding's is kept as a warning.
 */
export async function linkInboundAsVersion(opts: {
  db: TDb;
  actor: TAuditActor;
  formulierId: string;
  kenmerk: string;
  reason: string;
}): Promise<{ meldingId: string; version: number }> {
  const review = opts.actor.id
    ? await opts.db.formReview.findFirst({
        where: {
          id: opts.formulierId,
          createdById: opts.actor.id,
          state: 'READ',
          inboundMessageId: { not: null },
        },
        select: { id: true, inboundMessageId: true, filename: true, result: true },
      })
    : null;
  const read = review?.result as TParseResult | null | undefined;
  if (!review?.inboundMessageId || !read?.formulier)
    throw new AppError('conflict', 'Er is geen gelezen formulier om als nieuwe versie te koppelen');
  const target = await findLinkTarget(opts.db, opts.kenmerk);
  const inboundId = review.inboundMessageId;
  const attachments = await putAttachmentBytes(
    opts.db,
    await queueItemAttachments(opts.db, inboundId, review.filename),
  );
  const warnings: TFinding[] = [...read.warnings];
  if (read.formulier.kenmerk.toLowerCase() !== target.kenmerk.toLowerCase())
    warnings.push({
      field: 'kenmerk',
      message: `Het formulier noemt kenmerk ${read.formulier.kenmerk}; het is met de hand gekoppeld aan ${target.kenmerk}.`,
    });
  const formulier = { ...read.formulier, kenmerk: target.kenmerk };
  return opts.db.$transaction(async (tx) => {
    const user = await requireQueueUser(tx, opts.actor, ['MEDEWERKER']);
    const { before } = await resolveQueueItem(tx, {
      actor: opts.actor,
      id: inboundId,
      where: {
        state: { notIn: ['STORED', 'FAILED'] },
        meldingId: null,
        rawHash: { not: null },
        OR: [{ outcome: null }, { outcome: { notIn: ['MELDING_ACCEPTED', 'MELDING_ACCEPTED_WARNINGS'] } }],
      },
      notAllowed: 'Dit bericht is al een melding of al gekoppeld',
      action: 'bericht.als_versie_gekoppeld',
      reason: opts.reason,
      data: {
        melding: { connect: { id: target.id } },
        resolution: 'LINKED',
        resolvedBy: user.name,
        resolvedAt: new Date(),
        resolutionNote: opts.reason,
      },
    });
    // The melding's own mailbox and kenmerk: writeMelding then adds the next version to it.
    const { melding } = await writeMelding(tx, {
      mailboxId: target.mailboxId,
      inboundId,
      receivedAt: before.receivedAt,
      formulier,
      warnings,
      attachments,
      forwardedBy: null,
      authenticityVerified: target.authenticityVerified,
      kanaal: target.kanaal,
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'melding.versie_gekoppeld',
      objectType: 'melding',
      objectId: melding.id,
      personKey: personKey(formulier.betrokkene),
      details: { version: melding.version },
    });
    await tx.formReview.delete({ where: { id: review.id } });
    return { meldingId: melding.id, version: melding.version };
  });
}
