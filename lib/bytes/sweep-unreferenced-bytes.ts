import 'server-only';
import type { TDb } from '../db/client';
import { bytePool } from './byte-pool';

/**
 * Values no row names and nobody touched for a day: left by a crash between putBytes and the
 * transaction that was to name them. (Values whose last row went are deleted by the trigger at once.)
 */
export async function sweepUnreferencedBytes(opts: { db: TDb; now?: Date }): Promise<number> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - 24 * 3600_000);
  // touchedAt is a UTC timestamp without zone, as Prisma keeps them.
  const result = await bytePool(opts.db).query(
    `DELETE FROM "ByteValue" WHERE "refs" = 0 AND "touchedAt" < ($1::timestamptz AT TIME ZONE 'UTC')`,
    [cutoff.toISOString()],
  );
  return result.rowCount ?? 0;
}
