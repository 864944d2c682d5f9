import 'server-only';
import { createHash } from 'node:crypto';
import type { TDb, TTx } from '../db/client';
import { moveStagedBytes } from '../db/large-bytes';

export type TFetchedMessage = {
  mailboxId: string;
  uidValidity: bigint;
  uid: bigint;
  raw: Buffer;
  receivedAt: Date;
  messageId: string | null;
  subject: string | null;
  fromAddress: string | null;
  /** The raw bytes already staged (lib/db/large-bytes.ts): moved into the row, not sent again. */
  rawStaged?: string;
};

/**
 * Step one for every message: its raw bytes in the ledger, committed, before anything in the
 * mailbox changes. Idempotent on (mailbox, UIDVALIDITY, UID). A message seen before (same bytes,
 * or same Message-ID) is linked to that earlier delivery:
 * - under another UIDVALIDITY (the server renumbered its mailbox) it is the same delivery again,
 *   recorded as a duplicate at once — same melding, same folder — and not processed;
 * - under the same UIDVALIDITY it is a new delivery (the police resent it, or someone moved it
 *   back into the inbox): it waits for the decision core, which knows the earlier outcome.
 * Also runs inside a caller's transaction, so a fetched batch can be committed at once.
 */
export async function storeInboundMessage(db: TDb | TTx, m: TFetchedMessage) {
  const sha256 = createHash('sha256').update(m.raw).digest('hex');
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
    size: m.raw.length,
    // A Node Buffer is a Uint8Array over a (never shared) ArrayBuffer; Prisma's type wants that said.
    raw: m.rawStaged ? null : (m.raw as Uint8Array<ArrayBuffer>),
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
  const row = await db.inboundMessage.findUniqueOrThrow({ where: key });
  if (m.rawStaged) await moveStagedBytes(db, m.rawStaged, 'InboundMessage.raw', row.id);
  return row;
}
