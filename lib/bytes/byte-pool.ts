/**
 * The byte store's own node-postgres pool on the database a Prisma client talks to: byte values
 * go over it as binary parameters and rows, never through Prisma's query engine (where a value
 * costs many times its size in memory: base64 and JSON copies into and out of the query compiler).
 */
import pg from 'pg';
import { databaseUrlOf, type TDb } from '../db/client';

/** The size of one stored chunk: a value is written and read a chunk at a time. */
export const CHUNK_BYTES = 1024 * 1024;

const pools = new Map<string, pg.Pool>();

export function bytePool(db: TDb): pg.Pool {
  const url = databaseUrlOf(db);
  if (!url) throw new Error('byte store: client not made by createDb');
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 3, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    pool.on('error', () => {}); // an idle connection dropped by the server; the next query reconnects
    pools.set(url, pool);
  }
  return pool;
}
