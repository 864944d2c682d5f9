/**
 * Exactly one holder per mailbox across all worker processes: a session-level PostgreSQL advisory
 * lock on a dedicated connection. If the holder dies, PostgreSQL drops its connection and with it
 * the lock, and another worker takes over on its next attempt.
 */
import pg from 'pg';

const LOCK_CLASS = 0x6d70; // "mp": keeps meldpost's advisory locks apart from anyone else's

export type THolderLock = { release: () => Promise<void>; lost: Promise<void> };

export async function tryHoldMailbox(databaseUrl: string, mailboxId: string): Promise<THolderLock | null> {
  const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
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
  // The lock is only as alive as this connection: when it breaks, the session must stop.
  const lost = new Promise<void>((resolve) => {
    client.once('error', () => resolve());
    client.once('end', () => resolve());
  });
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
