import 'server-only';
import { z } from 'zod';
import { audit } from '../audit/audit';
import { AppError } from '../errors';
import { streamBytes } from '../bytes/stream-bytes';
import { meldingPersonKey } from './melding-person-key';
import { meldingScope, type TActing } from './melding-scope';

/** The original form keeps its type (so the download opens in a PDF reader); anything else is opaque bytes. */
const KEPT_TYPES = new Set(['application/pdf']);

/**
 * An attachment's bytes (the original form, or what came with a reply) for download, in the
 * user's scope, as a stream from the byte store (one chunk in memory at a time); every download is audited, a refused one as DENIED. Always a download, never
 * shown in the browser: a PDF from outside may carry JavaScript, and the app shows the form as
 * its own rendering instead.
 */
export async function getAttachment(opts: TActing & { meldingId: string; attachmentId: string }) {
  const ids = z.object({ meldingId: z.uuid(), attachmentId: z.uuid() }).safeParse(opts);
  const a = ids.success
    ? await opts.db.attachment.findFirst({
        where: {
          id: ids.data.attachmentId,
          meldingId: ids.data.meldingId,
          contentHash: { not: null },
          melding: meldingScope(opts.user),
        },
        select: {
          id: true,
          filename: true,
          contentType: true,
          contentHash: true,
          melding: { select: { id: true, bsn: true, achternaam: true, geboortedatum: true } },
        },
      })
    : null;
  const bytes = a?.contentHash ? await streamBytes({ db: opts.db, sha256: a.contentHash }) : null;
  if (!a || !bytes || !a.melding) {
    await audit(opts.db, {
      actor: opts.actor,
      action: 'melding.bijlage_gedownload',
      objectType: 'melding',
      objectId: ids.success ? ids.data.meldingId : null,
      outcome: 'DENIED',
    });
    throw new AppError('not_found', 'Deze bijlage bestaat niet of u heeft er geen toegang toe');
  }
  await audit(opts.db, {
    actor: opts.actor,
    action: 'melding.bijlage_gedownload',
    objectType: 'melding',
    objectId: a.melding.id,
    personKey: meldingPersonKey(a.melding),
    details: { attachmentId: a.id },
  });
  return {
    filename: a.filename,
    contentType: KEPT_TYPES.has(a.contentType) ? a.contentType : 'application/octet-stream',
    size: bytes.size,
    stream: bytes.stream,
  };
}
