import 'server-only';
import type { TTx } from '../db/client';
import type { OutgoingKind } from '../db/generated/enums';

export const OUTBOX_CHANNEL = 'meldpost_outbox';

export type TOutgoingDraft = {
  mailboxId: string;
  kind: OutgoingKind;
  recipient: string;
  subject: string;
  body: string;
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  meldingId?: string | null;
  inboundMessageId?: string | null;
  createdById?: string | null;
  attachmentIds?: string[];
};

/**
 * Puts a mail in the outbox inside the caller's transaction (so it exists exactly when what it
 * reports on was committed) and wakes the relays once that transaction commits.
 * Idempotent per (inbound message, kind): reprocessing a message never queues a second signal.
 */
export async function queueOutgoing(
  tx: TTx,
  draft: TOutgoingDraft,
): Promise<{ id: string; created: boolean }> {
  if (draft.inboundMessageId) {
    const existing = await tx.outgoingMail.findUnique({
      where: { inboundMessageId_kind: { inboundMessageId: draft.inboundMessageId, kind: draft.kind } },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
  }
  const row = await tx.outgoingMail.create({
    data: { ...draft, inReplyTo: draft.inReplyTo ?? null, references: draft.references ?? [] },
    select: { id: true },
  });
  await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  return { id: row.id, created: true };
}
