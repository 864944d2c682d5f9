/**
 * The Prisma client, created on first use: a module-level client that needs DATABASE_URL would
 * break `next build`, which has no database.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { getEnv } from '../env';

/**
 * Where a client made by createDb keeps its database URL: a registered symbol, because Next.js may
 * bundle this module more than once in a server, and a client made by one copy is used by another.
 */
const DATABASE_URL = Symbol.for('meldpost.databaseUrl');

export function createDb(databaseUrl: string, poolMax = 10) {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolMax }),
  });
  Object.defineProperty(db, DATABASE_URL, { value: databaseUrl });
  return db;
}

export type TDb = ReturnType<typeof createDb>;

/** The database a client made by createDb talks to (lib/bytes/ reads and writes byte values over its own pool there). */
export function databaseUrlOf(db: TDb): string | undefined {
  return (db as unknown as Record<symbol, string | undefined>)[DATABASE_URL];
}
export type TTx = Parameters<Parameters<TDb['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { meldpostDb?: TDb };

/** The process-wide client (kept on globalThis so Next's dev reloads don't open new pools). */
export function getDb(): TDb {
  globalForDb.meldpostDb ??= createDb(getEnv().databaseUrl);
  return globalForDb.meldpostDb;
}
