import 'server-only';
import type { TDb, TTx } from '../db/client';

export type TFetchedMessage = {
  mailboxId: string;
  uidValidity: bigint;
  uid: bigint;
  /** The raw mail, already in the byte store (lib/bytes/put-bytes.ts): its SHA-256 and size. */
  rawHash: string;
  size: number;
  receivedAt: Date;
  messageId: string | null;
  subject: string | null;
  fromAddress: string | null;
};

/**
 * Step one for every message: its raw bytes in the ledger (named by their hash in the byte store), committed, before anything in the
 * mailbox changes. Idempotent on (mailbox, UIDVALIDITY, UID). A message seen before (same bytes,
 * or same Message-ID) is linked to that earlier delivery:
 * - under another UIDVALIDITY (the server renumbered its mailbox) it is the same delivery again,
 *   recorded as a duplicate at once — same melding, same folder — and not processed;
 * - under the same UIDVALIDITY it is a new delivery (the police resent it, or someone moved it
 *   back into the inbox): it waits for the decision core, which knows the earlier outcome.
 * Also runs inside a caller's transaction, so a fetched batch can be committed at once.
 */
export async function storeInboundMessage(db: TDb | TTx, m: TFetchedMessage) {
  const sha256 = m.rawHash;
  const key = {
    mailboxId_uidValidity_uid: { mailboxId: m.mailboxId, uidValidity: m.uidValidity, uid: m.uid },
  };
  const known = await db.inboundMessage.findUnique({ where: key });
  if (known) return known;
  const messageId = m.messageId?.slice(0, 998) ?? null;
  const original = await db.inboundMessage.findFirst({
    where: {
      mailboxId: m.mailboxId,
      OR: [{ sha256 }, ...(messageId ? [{ messageId }] : [])],
      NOT: { state: 'STORED' },
    },
    orderBy: { storedAt: 'desc' },
    select: { id: true, meldingId: true, targetFolder: true, kind: true, uidValidity: true },
  });
  const renumbered = original !== null && original.uidValidity !== m.uidValidity;
  const data = {
    mailboxId: m.mailboxId,
    uidValidity: m.uidValidity,
    uid: m.uid,
    sha256,
    size: m.size,
    rawHash: m.rawHash,
    receivedAt: m.receivedAt,
    // Header values are attacker-controlled: keep them bounded.
    messageId,
    subject: m.subject?.slice(0, 998) ?? null,
    fromAddress: m.fromAddress?.slice(0, 320) ?? null,
    duplicateOfId: original?.id ?? null,
    ...(original && renumbered
      ? {
          state: 'IGNORED' as const,
          outcome: 'DUPLICATE' as const,
          kind: original.kind,
          meldingId: original.meldingId,
          targetFolder: original.targetFolder,
          error: 'Dubbel ontvangen: zelfde inhoud als een eerder verwerkt bericht',
          processedAt: new Date(),
        }
      : {}),
  };
  // A concurrent holder may have stored it a moment ago: the unique key decides, nothing doubles.
  await db.inboundMessage.createMany({ data: [data], skipDuplicates: true });
  return db.inboundMessage.findUniqueOrThrow({ where: key });
}
