/**
 * The Prisma client, created on first use: a module-level client that needs DATABASE_URL would
 * break `next build`, which has no database.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { getEnv } from '../env';
import { rememberDatabaseUrl } from './large-bytes';

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { meldpostDb?: PrismaClient };

export function createDb(databaseUrl: string, poolMax = 10): PrismaClient {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolMax }) });
  rememberDatabaseUrl(db, databaseUrl);
  return db;
}

/** The process-wide client (kept on globalThis so Next's dev reloads don't open new pools). */
export function getDb(): PrismaClient {
  globalForDb.meldpostDb ??= createDb(getEnv().databaseUrl);
  return globalForDb.meldpostDb;
}
