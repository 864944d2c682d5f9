import 'server-only';
import type { TDb, TTx } from '../db/client';
import { moveStagedBytes, withStagedBytes } from '../db/large-bytes';

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

type TStaged = Map<TStoredAttachment, string>;

/**
 * The caller's transaction with a mail's large attachments (a bodycam still, a scan) staged
 * outside Prisma first (lib/db/large-bytes.ts), so they never pass through the query engine.
 */
export function withStagedAttachments<T>(
  db: TDb,
  attachments: TStoredAttachment[],
  work: (staged: TStaged) => Promise<T>,
): Promise<T> {
  return withStagedBytes(
    db,
    attachments.map((a): [TStoredAttachment, Uint8Array] => [a, a.content]),
    work,
  );
}

/** The attachments onto their melding, inside the transaction: small ones in one insert, staged ones moved. */
export async function saveAttachments(o: {
  tx: TTx;
  attachments: TStoredAttachment[];
  staged: TStaged;
  meldingId: string;
  inboundId: string | null;
}): Promise<void> {
  const owner = { meldingId: o.meldingId, inboundMessageId: o.inboundId };
  const small = o.attachments.filter((a) => !o.staged.has(a));
  if (small.length)
    await o.tx.attachment.createMany({
      data: small.map((a) => ({ ...a, ...owner, content: Buffer.from(a.content) })),
    });
  for (const [a, staged] of o.staged) {
    const created = await o.tx.attachment.create({
      data: { ...a, ...owner, content: null },
      select: { id: true },
    });
    await moveStagedBytes(o.tx, staged, 'Attachment.content', created.id);
  }
}
