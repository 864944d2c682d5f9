/**
 * What a backup records about its database and a restore compares: the applied migrations and
 * the number of rows in every table.
 */
import type pg from 'pg';

export type TDatabaseFacts = { migrations: string[]; counts: Record<string, number> };

export async function readDatabaseFacts(client: pg.Client): Promise<TDatabaseFacts> {
  const migrations = (
    await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )
  ).rows.map((r) => r.name);
  const tables = (
    await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  ).rows.map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const res = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`);
    counts[table] = Number(res.rows[0]!.n);
  }
  return { migrations, counts };
}
