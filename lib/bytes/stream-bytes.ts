import 'server-only';
import { Readable } from 'node:stream';
import type { TDb } from '../db/client';
import { bytePool } from './byte-pool';

/**
 * A stored value as a stream that reads one chunk at a time, so sending a 20 MB attachment holds
 * 1 MiB of it in memory; null when the store no longer holds the value. A value removed while it
 * is being read ends the stream with an error.
 */
export async function streamBytes(opts: {
  db: TDb;
  sha256: string;
}): Promise<{ size: number; stream: Readable } | null> {
  const pool = bytePool(opts.db);
  const head = await pool.query<{ size: string; chunks: number }>(
    `SELECT v."size", (SELECT count(*)::int FROM "ByteChunk" c WHERE c."sha256" = v."sha256") AS chunks
     FROM "ByteValue" v WHERE v."sha256" = $1`,
    [opts.sha256],
  );
  const found = head.rows[0];
  if (!found) return null;
  async function* chunks() {
    for (let seq = 0; seq < found!.chunks; seq++) {
      const r = await pool.query<{ data: Buffer }>(
        'SELECT "data" FROM "ByteChunk" WHERE "sha256" = $1 AND "seq" = $2',
        [opts.sha256, seq],
      );
      if (!r.rows[0]) throw new Error('byte store: value removed while it was read');
      yield r.rows[0].data;
    }
  }
  return { size: Number(found.size), stream: Readable.from(chunks(), { objectMode: false }) };
}
