import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { NO_FILTERS, openSchemaEngine, readMigrationsList } from './schema-engine';

/**
 * adapter-pg runs a migration script by splitting it on every ";", which breaks function bodies
 * (the audit trigger) and runs the parts one by one. Sent whole, PostgreSQL's simple-query
 * protocol runs all statements of a script in one implicit transaction: a migration either
 * applies completely or not at all.
 */
function wholeScriptAdapter(pool: pg.Pool): PrismaPg {
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  };
  return factory;
}

/** Applies every pending migration in prisma/migrations; returns the names it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const engine = await openSchemaEngine(wholeScriptAdapter(pool));
    try {
      const out = await engine.applyMigrations({
        migrationsList: await readMigrationsList(),
        filters: NO_FILTERS,
      });
      return out.appliedMigrationNames;
    } finally {
      engine.free();
    }
  } finally {
    // The pool would otherwise keep the process alive for its idle timeout.
    await pool.end();
  }
}

export type TMigrationStatus = { applied: string[]; pending: string[]; failed: string[] };

/** Compares the migrations folder with `_prisma_migrations` (read directly: no engine needed). */
export async function migrationStatus(databaseUrl: string): Promise<TMigrationStatus> {
  const list = await readMigrationsList();
  const names = list.migrationDirectories.map((d) => d.path);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(
      `SELECT to_regclass('_prisma_migrations')::text AS t`,
    );
    const rows = exists.rows[0]?.t
      ? (
          await client.query<{
            migration_name: string;
            finished_at: Date | null;
            rolled_back_at: Date | null;
          }>('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations')
        ).rows
      : [];
    const applied = rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
    const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
    return { applied: applied.sort(), pending: names.filter((n) => !applied.includes(n)), failed };
  } finally {
    await client.end();
  }
}
