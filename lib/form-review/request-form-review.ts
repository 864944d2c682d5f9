import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { putBytes } from '../bytes/put-bytes';
import { LIMITS } from '../form/limits';
import { detectFormFormat } from '../mail/select-form-attachment';
import { requireQueueUser } from '../ingest/resolve-queue-item';

/** An uploaded file as the browser sent it: its name is only a label, its bytes decide the type. */
export type TUpload = { name: string; bytes: Uint8Array };

/**
 * Asks the worker to read a form for review before registration: an uploaded PDF/DOCX (refused
 * here when too large or not a PDF or Word document by its bytes; the worker's guarded parser
 * does the rest), or the form attached to a work-queue message. Only medewerkers; audited.
 */
export async function requestFormReview(opts: {
  db: TDb;
  actor: TAuditActor;
  source: { upload: TUpload } | { inboundId: string };
}): Promise<{ id: string }> {
  const user = await requireQueueUser(opts.db, opts.actor, ['MEDEWERKER']);
  if ('upload' in opts.source) {
    const { name, bytes } = opts.source.upload;
    if (bytes.length === 0) throw new AppError('validation', 'Kies een bestand met het meldformulier');
    if (bytes.length > LIMITS.maxBytes)
      throw new AppError(
        'validation',
        `Het bestand is te groot (hoogstens ${Math.round(LIMITS.maxBytes / 1024 / 1024)} MB)`,
      );
    if (!detectFormFormat(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)))
      throw new AppError('validation', 'Het bestand is geen PDF of Word-document (.docx)');
    const filename =
      name
        .replace(/[\r\n\t"/\\]+/g, ' ')
        .trim()
        .slice(0, 200) || 'meldformulier';
    const [contentHash] = await putBytes({ db: opts.db, values: [bytes] });
    const review = await opts.db.formReview.create({
      data: { createdById: user.id, filename, contentHash },
      select: { id: true },
    });
    await audit(opts.db, {
      actor: opts.actor,
      action: 'formulier.uitlezen',
      objectType: 'system',
      objectId: review.id,
      details: { bron: 'upload', bytes: bytes.length },
    });
    return review;
  }
  const item = await opts.db.inboundMessage.findFirst({
    where: {
      id: opts.source.inboundId,
      rawHash: { not: null },
      meldingId: null,
      state: { notIn: ['STORED', 'FAILED'] },
    },
    select: { id: true, subject: true },
  });
  if (!item)
    throw new AppError(
      'conflict',
      'Van dit bericht kan geen melding worden gemaakt (al gekoppeld of verwijderd)',
    );
  const review = await opts.db.formReview.create({
    data: { createdById: user.id, inboundMessageId: item.id, filename: 'formulier uit het postvak' },
    select: { id: true },
  });
  await audit(opts.db, {
    actor: opts.actor,
    action: 'bericht.formulier_uitlezen',
    objectType: 'message',
    objectId: item.id,
  });
  return review;
}
