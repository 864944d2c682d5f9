import { createHash } from 'node:crypto';
import type { Mailbox } from '../db/generated/client';

/** State the worker itself writes; a change there is not a change of configuration. */
const STATE_FIELDS = new Set<keyof Mailbox>([
  'lastSyncAt',
  'lastErrorAt',
  'lastError',
  'holder',
  'updatedAt',
  'createdAt',
]);

/** A fingerprint of a mailbox's configuration: when it changes, sessions and transports are rebuilt. */
export function mailboxConfigKey(mailbox: Mailbox): string {
  const config = Object.entries(mailbox).filter(([k]) => !STATE_FIELDS.has(k as keyof Mailbox));
  return createHash('sha256').update(JSON.stringify(config)).digest('hex');
}
