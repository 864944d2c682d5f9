import 'server-only';
import { ImapFlow } from 'imapflow';
import type { TKeyring } from '../secrets/crypto';
import type { TDb } from '../db/client';
import type { Mailbox } from '../db/generated/client';
import { errFields, getLogger } from '../log';
import { getMailboxLogin } from '../mailbox/credentials';
import { imapOptions } from '../mailbox/transports';

const log = getLogger('retention');

/**
 * Expunges our own copies of removed outgoing mail (signals, aanvulling requests, forwarded
 * police forms appended to the Sent folder by the outbox) from every folder of the mailbox — a
 * colleague may have moved one — found by the Message-ID we fixed when the mail was queued, which
 * nobody else uses. The Sent folder is searched first. Returns the rows done.
 */
async function expungeFromMailbox(mailbox: Mailbox, messageIds: string[], ring: TKeyring): Promise<void> {
  const client = new ImapFlow(imapOptions(mailbox, await getMailboxLogin(mailbox, ring)));
  client.on('error', () => {});
  await client.connect();
  try {
    const folders = (await client.list())
      .filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent'))
      .map((f) => f.path);
    folders.sort((a, b) => Number(b === mailbox.sentFolder) - Number(a === mailbox.sentFolder));
    for (const folder of folders) {
      const lock = await client.getMailboxLock(folder);
      try {
        for (const messageId of messageIds) {
          const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
          if (uids.length) await client.messageDelete(uids.join(','), { uid: true });
        }
      } finally {
        lock.release();
      }
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Runs after a removal committed; a mailbox that cannot be reached keeps its rows for the next run. */
export async function expungeSentCopies(opts: {
  db: TDb;
  ring: TKeyring;
}): Promise<{ expunged: number; pending: number }> {
  const rows = await opts.db.sentCopyExpunge.findMany({
    select: { id: true, mailboxId: true, messageId: true },
  });
  const byMailbox = new Map<string, typeof rows>();
  for (const row of rows) byMailbox.set(row.mailboxId, [...(byMailbox.get(row.mailboxId) ?? []), row]);
  let expunged = 0;
  for (const [mailboxId, pending] of byMailbox) {
    try {
      const mailbox = await opts.db.mailbox.findUnique({ where: { id: mailboxId } });
      if (mailbox)
        await expungeFromMailbox(
          mailbox,
          pending.map((row) => row.messageId),
          opts.ring,
        );
      expunged += (
        await opts.db.sentCopyExpunge.deleteMany({ where: { id: { in: pending.map((row) => row.id) } } })
      ).count;
    } catch (err) {
      log.warn({
        msg: 'expunging sent copies failed; retried next run',
        code: 'retention_sent_copy_expunge_failed',
        mailboxId,
        pending: pending.length,
        err: errFields(err),
      });
    }
  }
  return { expunged, pending: rows.length - expunged };
}
