import 'server-only';
import type { TDb, TTx } from '../db/client';
import { putBytes } from '../bytes/put-bytes';

/** An attachment of an incoming mail as it is kept: its bytes, their hash, and whether it is the form. */
export type TStoredAttachment = {
  filename: string;
  contentType: string;
  declaredType: string | null;
  size: number;
  sha256: string;
  content: Uint8Array;
  isForm: boolean;
};

/** An attachment whose bytes are in the byte store: its row names them by hash. */
export type TPutAttachment = Omit<TStoredAttachment, 'content'> & { contentHash: string };

/**
 * A mail's attachments into the byte store (lib/bytes/), before the transaction that saves their
 * rows: the bytes never pass through Prisma, and a transaction that rolls back leaves them
 * unnamed, to be swept.
 */
export async function putAttachmentBytes(
  db: TDb,
  attachments: TStoredAttachment[],
): Promise<TPutAttachment[]> {
  const hashes = await putBytes({ db, values: attachments.map((a) => a.content) });
  return attachments.map((a, i) => ({
    filename: a.filename,
    contentType: a.contentType,
    declaredType: a.declaredType,
    size: a.size,
    sha256: a.sha256,
    isForm: a.isForm,
    contentHash: hashes[i]!,
  }));
}

/** The attachments onto their melding, inside the transaction: one insert of their rows. */
export async function saveAttachments(opts: {
  tx: TTx;
  attachments: TPutAttachment[];
  meldingId: string;
  inboundId: string | null;
}): Promise<void> {
  if (!opts.attachments.length) return;
  const owner = { meldingId: opts.meldingId, inboundMessageId: opts.inboundId };
  await opts.tx.attachment.createMany({ data: opts.attachments.map((a) => ({ ...a, ...owner })) });
}
