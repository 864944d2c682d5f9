/**
 * Exactly one holder per mailbox across all worker processes: a session-level PostgreSQL advisory
 * lock on a dedicated connection. If the holder dies, PostgreSQL drops its connection and with it
 * the lock, and another worker takes over on its next attempt.
 */
import pg from 'pg';
import { errFields, getLogger } from '../../lib/log';

const LOCK_CLASS = 0x6d70; // "mp": keeps meldpost's advisory locks apart from anyone else's
const log = getLogger('mailbox-lock');

export type THolderLock = { release: () => Promise<void>; lost: Promise<void> };

export async function tryHoldMailbox(databaseUrl: string, mailboxId: string): Promise<THolderLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
  // A pg Client emits 'error' whenever its connection breaks, also after the first time (a
  // failed unlock or end on a dead socket): without a listener for its whole life, that is an
  // uncaught exception that takes the worker down. Losing the lock is reported through `lost`.
  let markLost: () => void = () => {};
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  client.on('error', (err) => {
    log.warn({ msg: 'mailbox lock connection lost', code: 'mailbox_lock_lost', err: errFields(err) });
    markLost();
  });
  client.on('end', () => markLost());
  await client.connect();
  let got = false;
  try {
    const res = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [
      LOCK_CLASS,
      mailboxId,
    ]);
    got = res.rows[0]?.ok === true;
  } finally {
    if (!got) await client.end().catch(() => {});
  }
  if (!got) return null;
  return {
    lost,
    release: async () => {
      await client
        .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, mailboxId])
        .catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
