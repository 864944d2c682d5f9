/**
 * Large byte values (a raw mail with a large attachment, the attachment itself) kept out of
 * Prisma's query path: through it a value costs many times its size in worker memory (base64 and
 * JSON copies into and out of the query compiler; figures in the README under Benchmarks). Sent by
 * node-postgres as a binary parameter it costs nothing beyond the bytes themselves.
 *
 * A large value is staged in "StagedBytes" on its own connection (committed at once), then moved
 * into its row by one SQL statement inside the caller's Prisma transaction: the row and its bytes
 * still commit together, or neither does. What a rolled-back transaction leaves staged is dropped
 * right after it; what a crash leaves, the retention job sweeps after a day.
 */
import pg from 'pg';
import { databaseUrlOf, type TDb, type TTx } from './client';

/** From this size on a value is staged; smaller ones go through Prisma as usual. */
export const LARGE_BYTES = 1024 * 1024;

/**
 * What one call lets through Prisma in all: beyond it smaller values are staged too, so a mail of
 * many small attachments (each under LARGE_BYTES) costs no more worker memory than one large one.
 */
export const PRISMA_BYTES_BUDGET = 4 * LARGE_BYTES;

const pools = new Map<string, pg.Pool>();

function poolFor(db: TDb): pg.Pool {
  const url = databaseUrlOf(db);
  if (!url) throw new Error('large-bytes: client not made by createDb');
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    pool.on('error', () => {}); // an idle connection dropped by the server; the next query reconnects
    pools.set(url, pool);
  }
  return pool;
}

async function stageBytes(db: TDb, bytes: Uint8Array): Promise<string> {
  const result = await poolFor(db).query<{ id: string }>(
    'INSERT INTO "StagedBytes" (bytes) VALUES ($1) RETURNING id',
    [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
  );
  return result.rows[0]!.id;
}

/**
 * Stages the large values among `items` (and, past PRISMA_BYTES_BUDGET, the others too), runs
 * `work` (the caller's transaction, which moves them with moveStagedBytes) and afterwards drops
 * what is still staged: nothing if it committed, all of it if it rolled back. Dropping waits for
 * the transaction to end — inside it, the drop would wait on the rows the transaction's own moves
 * hold.
 */
export async function withStagedBytes<K, T>(
  db: TDb,
  items: Iterable<[K, Uint8Array]>,
  work: (staged: Map<K, string>) => Promise<T>,
): Promise<T> {
  const staged = new Map<K, string>();
  try {
    let throughPrisma = 0;
    for (const [key, bytes] of items) {
      if (bytes.length < LARGE_BYTES && throughPrisma + bytes.length <= PRISMA_BYTES_BUDGET)
        throughPrisma += bytes.length;
      else staged.set(key, await stageBytes(db, bytes));
    }
    return await work(staged);
  } finally {
    if (staged.size)
      await poolFor(db).query('DELETE FROM "StagedBytes" WHERE id = ANY($1::uuid[])', [[...staged.values()]]);
  }
}

/** Where staged bytes may go: fixed statements, no identifiers from outside. */
const MOVES = {
  'InboundMessage.raw': (tx: TDb | TTx, staged: string, id: string) =>
    tx.$executeRaw`WITH s AS (DELETE FROM "StagedBytes" WHERE id = ${staged}::uuid RETURNING bytes)
      UPDATE "InboundMessage" SET raw = s.bytes FROM s WHERE "InboundMessage".id = ${id}::uuid AND "InboundMessage".raw IS NULL`,
  'Attachment.content': (tx: TDb | TTx, staged: string, id: string) =>
    tx.$executeRaw`WITH s AS (DELETE FROM "StagedBytes" WHERE id = ${staged}::uuid RETURNING bytes)
      UPDATE "Attachment" SET content = s.bytes FROM s WHERE "Attachment".id = ${id}::uuid`,
} as const;

/** Moves staged bytes into their row, inside the caller's transaction. */
export async function moveStagedBytes(
  tx: TDb | TTx,
  staged: string,
  into: keyof typeof MOVES,
  id: string,
): Promise<void> {
  await MOVES[into](tx, staged, id);
}

/** Reads one large value without Prisma: the ledger's raw bytes of a message, or null. */
export async function readRawMessage(db: TDb, inboundId: string): Promise<Buffer | null> {
  const result = await poolFor(db).query<{ raw: Buffer | null }>(
    'SELECT raw FROM "InboundMessage" WHERE id = $1::uuid',
    [inboundId],
  );
  return result.rows[0]?.raw ?? null;
}

/** Staged values older than a day: left by a crash between staging and the transaction. */
export async function sweepStagedBytes(db: TDb, now = new Date()): Promise<number> {
  return (
    await db.stagedBytes.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } })
  ).count;
}
