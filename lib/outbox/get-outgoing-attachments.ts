import 'server-only';
import type { TDb } from '../db/client';
import type { OutgoingMail } from '../db/generated/client';

export type TOutgoingAttachment = { filename: string; contentType: string; content: Buffer };

/**
 * Files that go along with an outbox mail, read when it is sent (the outbox stores no copies):
 * a forwarded melding (DOORSTUREN) carries its most recent original form.
 */
export async function getOutgoingAttachments(
  db: TDb,
  row: Pick<OutgoingMail, 'kind' | 'meldingId'>,
): Promise<TOutgoingAttachment[]> {
  if (row.kind !== 'DOORSTUREN' || !row.meldingId) return [];
  const form = await db.attachment.findFirst({
    where: { meldingId: row.meldingId, isForm: true, content: { not: null } },
    orderBy: { createdAt: 'desc' },
    select: { filename: true, contentType: true, content: true },
  });
  return form?.content
    ? [{ filename: form.filename, contentType: form.contentType, content: Buffer.from(form.content) }]
    : [];
}
