import 'server-only';
import { createHash } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { TKeyring } from '../secrets/crypto';
import type { TDb } from '../db/client';
import type { InboundMessage, Mailbox } from '../db/generated/client';
import { errFields, getLogger } from '../log';
import { getMailboxLogin } from '../mailbox/credentials';
import { imapOptions } from '../mailbox/transports';
import { expungeSentCopies } from './expunge-sent-copies';
import { EXPUNGE_PENDING } from './retention';

const log = getLogger('retention');

type TPending = Pick<InboundMessage, 'id' | 'messageId' | 'sha256' | 'size'>;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Finds and expunges each pending original in every folder of one mailbox. A message moves under
 * a new UID, so it is found by Message-ID (or, without one, by its exact size) and confirmed by
 * the SHA-256 of its bytes. The inbox is searched first: a move by the worker goes from the inbox
 * to another folder, so looking at the source before the destinations cannot miss it.
 * Returns the ids of rows whose message is gone from the mailbox.
 */
async function expungeFromMailbox(mailbox: Mailbox, rows: TPending[], ring: TKeyring): Promise<string[]> {
  const client = new ImapFlow(imapOptions(mailbox, await getMailboxLogin(mailbox, ring)));
  await client.connect();
  try {
    const folders = (await client.list())
      .filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent'))
      .map((f) => f.path);
    folders.sort((a, b) => Number(b === mailbox.inboxFolder) - Number(a === mailbox.inboxFolder));
    for (const folder of folders) {
      const lock = await client.getMailboxLock(folder);
      try {
        for (const row of rows) {
          const uids =
            (await client.search(
              row.messageId
                ? { header: { 'message-id': row.messageId } }
                : { larger: row.size - 1, smaller: row.size + 1 },
              { uid: true },
            )) || [];
          if (!uids.length) continue;
          const found = await client.fetchAll(uids.join(','), { uid: true, source: true }, { uid: true });
          const same = found.filter((m) => m.source && sha256(m.source) === row.sha256).map((m) => m.uid);
          if (same.length) await client.messageDelete(same.join(','), { uid: true });
        }
      } finally {
        lock.release();
      }
    }
    return rows.map((r) => r.id);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * Expunges from the mailboxes the originals of removed meldingen (rows marked EXPUNGE_PENDING)
 * and then forgets those rows; then our Sent-folder copies of the removed outgoing mail
 * (expungeSentCopies). Counts are of both together. Runs after the removal committed; a mailbox
 * that cannot be reached keeps its rows pending for the next run.
 */
export async function expungePendingMessages(opts: {
  db: TDb;
  ring: TKeyring;
}): Promise<{ expunged: number; pending: number; copies: { expunged: number; pending: number } }> {
  const rows = await opts.db.inboundMessage.findMany({
    where: { error: EXPUNGE_PENDING },
    select: { id: true, mailboxId: true, messageId: true, sha256: true, size: true },
  });
  const byMailbox = new Map<string, TPending[]>();
  for (const r of rows) byMailbox.set(r.mailboxId, [...(byMailbox.get(r.mailboxId) ?? []), r]);
  let expunged = 0;
  for (const [mailboxId, pending] of byMailbox) {
    try {
      const mb = await opts.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
      const done = await expungeFromMailbox(mb, pending, opts.ring);
      expunged += (
        await opts.db.inboundMessage.deleteMany({ where: { id: { in: done }, error: EXPUNGE_PENDING } })
      ).count;
    } catch (err) {
      log.warn({
        msg: 'expunge from mailbox failed; retried next run',
        code: 'retention_expunge_failed',
        mailboxId,
        pending: pending.length,
        err: errFields(err),
      });
    }
  }
  const copies = await expungeSentCopies(opts);
  return { expunged, pending: rows.length - expunged, copies };
}
