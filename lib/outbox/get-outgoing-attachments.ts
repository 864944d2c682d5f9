import 'server-only';
import type { TDb } from '../db/client';
import type { OutgoingMail } from '../db/generated/client';
import { readBytes } from '../bytes/read-bytes';

export type TOutgoingAttachment = { filename: string; contentType: string; content: Buffer };

/**
 * Files that go along with an outbox mail, read when it is sent (the outbox stores no copies):
 * the melding's attachments staff chose (e.g. the form when forwarding), in the order chosen.
 * One that the retention job has emptied in the meantime is left out.
 */
export async function getOutgoingAttachments(
  db: TDb,
  row: Pick<OutgoingMail, 'meldingId' | 'attachmentIds'>,
): Promise<TOutgoingAttachment[]> {
  if (!row.meldingId || row.attachmentIds.length === 0) return [];
  const found = await db.attachment.findMany({
    where: { id: { in: row.attachmentIds }, meldingId: row.meldingId, contentHash: { not: null } },
    select: { id: true, filename: true, contentType: true, contentHash: true },
  });
  const byId = new Map(found.map((a) => [a.id, a]));
  const files = await Promise.all(
    row.attachmentIds.map(async (id) => {
      const a = byId.get(id);
      const content = a?.contentHash ? await readBytes({ db, sha256: a.contentHash }) : null;
      return a && content ? [{ filename: a.filename, contentType: a.contentType, content }] : [];
    }),
  );
  return files.flat();
}
