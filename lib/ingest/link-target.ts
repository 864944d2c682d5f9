import 'server-only';
import { createHash } from 'node:crypto';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { parseMime } from '../mail/parse-mime';
import { readInboundRaw } from './read-inbound-raw';
import type { TStoredAttachment } from './save-attachments';

const MAX_ATTACHMENTS = 50;

/** The one (not anonymised) melding with this kenmerk a work-queue message is linked to. */
export async function findLinkTarget(db: TDb, kenmerk: string) {
  const wanted = kenmerk.trim();
  const candidates = await db.melding.findMany({
    where: { kenmerk: { equals: wanted, mode: 'insensitive' }, anonymisedAt: null },
    select: { id: true, kenmerk: true, mailboxId: true, kanaal: true, authenticityVerified: true },
    take: 2,
  });
  if (candidates.length !== 1)
    throw new AppError(
      candidates.length ? 'conflict' : 'not_found',
      candidates.length
        ? `Er zijn meerdere meldingen met kenmerk ${wanted}; koppel vanuit de melding zelf`
        : `Geen (niet-geanonimiseerde) melding met kenmerk ${wanted}`,
    );
  return candidates[0]!;
}

/** A work-queue message's attachments as they are kept on a melding; `formFilename` marks the form. */
export async function queueItemAttachments(
  db: TDb,
  id: string,
  formFilename: string | null = null,
): Promise<TStoredAttachment[]> {
  const raw = await readInboundRaw({ db, id });
  if (!raw) throw new AppError('not_found', 'Dit bericht bestaat niet of de inhoud is verwijderd');
  const mail = await parseMime(raw, { skipHtmlToText: true, skipTextToHtml: true });
  return mail.attachments.slice(0, MAX_ATTACHMENTS).map((a) => ({
    filename: (a.filename ?? 'bijlage').slice(0, 255),
    contentType: a.contentType,
    declaredType: a.contentType,
    size: a.size,
    sha256: createHash('sha256').update(a.content).digest('hex'),
    content: a.content,
    isForm: formFilename !== null && a.filename === formFilename,
  }));
}
