/**
 * A copy of a sent mail in the mailbox's own Sent folder (Mailbox.sentFolder), so colleagues who
 * open the meldpunt's mailbox in their mail program see what meldpost sent on its behalf. The copy
 * is the very bytes that went over SMTP. One short IMAP connection per copy: outgoing mail is a
 * trickle (a signal per melding), and a connection kept open would need its own keep-alive and
 * token refresh for nothing.
 */
import { ImapFlow } from 'imapflow';
import type { TKeyring } from '../../lib/secrets/crypto';
import type { Mailbox } from '../../lib/db/generated/client';
import { getMailboxLogin } from '../../lib/mailbox/credentials';
import { imapOptions } from '../../lib/mailbox/transports';

/** Appends `raw` to `folder` (the mailbox's Sent folder) as read mail; a folder the server lacks is created. */
export async function appendSentCopy(
  mailbox: Mailbox,
  folder: string,
  raw: Buffer,
  ring: TKeyring,
): Promise<void> {
  const client = new ImapFlow(imapOptions(mailbox, await getMailboxLogin(mailbox, ring)));
  // Connection errors reach us through the awaited calls below; an unhandled 'error' event would end the process.
  client.on('error', () => {});
  await client.connect();
  try {
    try {
      await client.append(folder, raw, ['\\Seen']);
    } catch (err) {
      // The server names a missing folder with [TRYCREATE] (RFC 9051): create it and try once more.
      if ((err as { serverResponseCode?: string }).serverResponseCode !== 'TRYCREATE') throw err;
      await client.mailboxCreate(folder);
      await client.append(folder, raw, ['\\Seen']);
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
