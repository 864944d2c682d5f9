import 'server-only';
import type { TDb } from '../db/client';
import type { OutgoingMail } from '../db/generated/client';
import { backoffMs } from '../backoff';

/** `note`: sent, with something staff should know (kept as the row's lastError). */
export type TSendResult =
  { ok: true; note: string | null } | { ok: false; error: string; permanent: boolean };

export type TRetryPolicy = { baseMs: number; maxMs: number; maxAttempts: number };

/**
 * Sends the oldest due outbox row, if any, while holding its row lock: several relays at once
 * skip each other's rows (SKIP LOCKED) and never send one twice. A relay that dies mid-send
 * releases the lock with its connection, and the row is sent again later with the same
 * Message-ID, so the receiver can recognise the repeat.
 */
export async function sendDueOutgoing(
  db: TDb,
  send: (row: OutgoingMail) => Promise<TSendResult>,
  policy: TRetryPolicy,
): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<OutgoingMail[]>`
        SELECT * FROM "OutgoingMail"
        WHERE state = 'QUEUED' AND "nextAttemptAt" <= now()
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!row) return false;
      const result = await send(row);
      const attempts = row.attempts + 1;
      if (result.ok) {
        await tx.outgoingMail.update({
          where: { id: row.id },
          data: {
            state: 'SENT',
            attempts,
            sentAt: new Date(),
            lastError: result.note?.slice(0, 1000) ?? null,
          },
        });
      } else {
        const giveUp = result.permanent || attempts >= policy.maxAttempts;
        const delay = backoffMs(attempts, policy.baseMs, policy.maxMs);
        await tx.outgoingMail.update({
          where: { id: row.id },
          data: {
            state: giveUp ? 'FAILED' : 'QUEUED',
            attempts,
            lastError: result.error.slice(0, 1000),
            nextAttemptAt: new Date(Date.now() + delay),
          },
        });
      }
      return true;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
