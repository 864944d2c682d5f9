import 'server-only';
import { createHash } from 'node:crypto';
import type { TDb } from '../db/client';
import { bytePool, CHUNK_BYTES } from './byte-pool';

/**
 * Bytes sent in one INSERT of chunks: small values share a statement, a large one goes a chunk
 * per statement (node-postgres copies a statement's parameters into one growing buffer).
 */
const STATEMENT_BYTES = CHUNK_BYTES;

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Puts byte values into the store, each once by its SHA-256 (a value already there is only
 * touched), and returns their hashes in order. Committed at once, before the caller's rows that
 * name them: until a row names a value its `refs` is 0, and what a crash leaves so is swept after
 * a day (sweepUnreferencedBytes). The caller then writes `rawHash`/`contentHash` in its own
 * transaction; the triggers count those references and release a value no row names any more.
 *
 * The commit is not waited for on disk (synchronous_commit off): the caller's own transaction
 * commits after it and its flush of the write-ahead log takes these bytes along, so a row never
 * names bytes a crash lost.
 */
export async function putBytes(opts: { db: TDb; values: Uint8Array[] }): Promise<string[]> {
  const hashes = opts.values.map(sha256Hex);
  if (!opts.values.length) return hashes;
  const distinct = new Map<string, Uint8Array>();
  opts.values.forEach((v, i) => distinct.set(hashes[i]!, v));
  const client = await bytePool(opts.db).connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    const keys = [...distinct.keys()];
    const created = await client.query<{ sha256: string }>(
      `INSERT INTO "ByteValue" ("sha256", "size", "touchedAt")
       SELECT h, s, now() AT TIME ZONE 'UTC' FROM unnest($1::text[], $2::bigint[]) AS v(h, s)
       ON CONFLICT ("sha256") DO UPDATE SET "touchedAt" = EXCLUDED."touchedAt"
       RETURNING "sha256", (xmax = 0) AS inserted`,
      [keys, keys.map((k) => distinct.get(k)!.byteLength)],
    );
    let rows: unknown[] = [];
    let size = 0;
    const flush = async () => {
      if (!rows.length) return;
      const n = rows.length / 3;
      const values = Array.from({ length: n }, (_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`);
      await client.query(
        `INSERT INTO "ByteChunk" ("sha256", "seq", "data") VALUES ${values.join(', ')}`,
        rows,
      );
      rows = [];
      size = 0;
    };
    for (const row of created.rows as { sha256: string; inserted: boolean }[]) {
      if (!row.inserted) continue;
      const bytes = distinct.get(row.sha256)!;
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let seq = 0; seq * CHUNK_BYTES < buf.length; seq++) {
        rows.push(row.sha256, seq, buf.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES));
        size += Math.min(CHUNK_BYTES, buf.length - seq * CHUNK_BYTES);
        if (size >= STATEMENT_BYTES) await flush();
      }
    }
    await flush();
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return hashes;
}
