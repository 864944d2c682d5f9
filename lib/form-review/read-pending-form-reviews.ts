import 'server-only';
import type { TDb } from '../db/client';
import { readBytes } from '../bytes/read-bytes';
import { parseMeldformulier } from '../form';
import { refused } from '../form/refused-result';
import type { TParseResult } from '../form/schema';
import { parseMime } from '../mail/parse-mime';
import { selectFormAttachment } from '../mail/select-form-attachment';
import { kenmerkFromSubject } from '../mail/subject';

/** A review nobody registered within a day is removed with what it read (personal data). */
const KEEP_MS = 24 * 3600_000;

/** The form attached to a work-queue message, read; with the attachment's name when there is one. */
async function readInboundForm(
  db: TDb,
  inboundId: string,
): Promise<{ result: TParseResult; filename?: string }> {
  const row = await db.inboundMessage.findUnique({
    where: { id: inboundId },
    select: { rawHash: true, subject: true, mailbox: { select: { trustedDomains: true } } },
  });
  const raw = row?.rawHash ? await readBytes({ db, sha256: row.rawHash }) : null;
  if (!row || !raw) return { result: refused('De inhoud van dit bericht is niet meer beschikbaar.') };
  const mail = await parseMime(raw, { skipHtmlToText: true, skipTextToHtml: true });
  const selected = selectFormAttachment(mail.attachments);
  if (!selected.ok) return { result: refused(`Geen meldformulier te lezen: ${selected.reason}.`) };
  const filename = selected.attachment.filename ?? 'bijlage';
  const result = await parseMeldformulier(selected.attachment.content, {
    filename,
    trustedDomains: row.mailbox.trustedDomains,
    fallbackKenmerk: kenmerkFromSubject(row.subject) ?? undefined,
  });
  return { result, filename };
}

/** An uploaded form, read from the byte store. */
async function readUploadedForm(db: TDb, id: string): Promise<{ result: TParseResult; filename?: string }> {
  const row = await db.formReview.findUnique({
    where: { id },
    select: { contentHash: true, filename: true },
  });
  const content = row?.contentHash ? await readBytes({ db, sha256: row.contentHash }) : null;
  if (!row || !content) return { result: refused('Het bestand is niet meer beschikbaar.') };
  return { result: await parseMeldformulier(content, { filename: row.filename }) };
}

/**
 * The worker's side of a form review: reads every waiting form, one after another, in the
 * parser's guarded thread (a hostile upload yields a Dutch error, never a crash), and stores
 * what it read for the medewerker. Two workers may read the same review; the first answer stays.
 * Also removes reviews older than a day. Returns how many it read.
 */
export async function readPendingFormReviews(opts: { db: TDb; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  await opts.db.formReview.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
  const pending = await opts.db.formReview.findMany({
    where: { state: 'PENDING' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, inboundMessageId: true },
    take: 20,
  });
  for (const review of pending) {
    const { result, filename } = review.inboundMessageId
      ? await readInboundForm(opts.db, review.inboundMessageId).catch(() => ({
          result: refused('Het bericht kon niet worden gelezen.'),
          filename: undefined,
        }))
      : await readUploadedForm(opts.db, review.id);
    await opts.db.formReview.updateMany({
      where: { id: review.id, state: 'PENDING' },
      data: {
        state: 'READ',
        result: JSON.parse(JSON.stringify(result)) as object,
        readAt: new Date(),
        ...(filename ? { filename: filename.slice(0, 255) } : {}),
      },
    });
  }
  return pending.length;
}
