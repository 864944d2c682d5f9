import type { ImapFlow } from 'imapflow';
import type { Mailbox } from '../../lib/db/generated/client';

/** The folders a mailbox's messages are moved to, created when missing. */
export async function ensureFolders(client: ImapFlow, mailbox: Mailbox): Promise<void> {
  const existing = new Set((await client.list()).map((f) => f.path));
  for (const folder of new Set([
    mailbox.processedFolder,
    mailbox.errorFolder,
    mailbox.otherFolder,
    mailbox.quarantineFolder,
  ])) {
    if (!existing.has(folder)) await client.mailboxCreate(folder);
  }
}
