import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationStatus } from '../../lib/db/migrate';
import { diffMigrationsToSchema } from '../../scripts/db-migration-new';
import { createEmptyDb } from '../support/db';
import { runCli } from '../support/cli';

let empty: Awaited<ReturnType<typeof createEmptyDb>>;

beforeAll(async () => {
  empty = await createEmptyDb();
});
afterAll(async () => {
  await empty.drop();
});

function cli(args: string[], databaseUrl: string) {
  return runCli(databaseUrl, args);
}

describe('migrations', () => {
  it('db status reports every migration pending on an empty database, init first', () => {
    const res = cli(['db', 'status'], empty.url);
    expect(res.status).toBe(1);
    const dirs = readdirSync(path.join(import.meta.dirname, '../../prisma/migrations'), {
      withFileTypes: true,
    })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const status = JSON.parse(res.stdout) as { applied: string[]; pending: string[] };
    expect(status.applied).toEqual([]);
    expect(status.pending).toEqual(dirs);
    expect(status.pending[0]).toMatch(/_init$/);
  });

  it('apply to an empty database, once, and db status then reports none pending', async () => {
    const applied = await applyMigrations(empty.url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyMigrations(empty.url)).toEqual([]);
    expect(await migrationStatus(empty.url)).toEqual({ applied, pending: [], failed: [] });
    const res = cli(['db', 'status'], empty.url);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ applied, pending: [], failed: [] });
  });

  it('schema.prisma and the migration history agree (no migration left to generate)', async () => {
    expect(await diffMigrationsToSchema()).toBe('');
  });

  it('prisma/stats-views.sql holds the statistics views exactly as the migrations leave them', async () => {
    const db = await createEmptyDb();
    await applyMigrations(db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const definitions = async () =>
      (
        await client.query<{ name: string; definition: string }>(`
          SELECT 'matview ' || matviewname AS name, definition FROM pg_matviews WHERE schemaname = current_schema()
          UNION ALL SELECT 'view ' || viewname, definition FROM pg_views WHERE schemaname = current_schema()
          UNION ALL SELECT 'index ' || indexname, indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename LIKE 'stats\\_%'
          ORDER BY 1`)
      ).rows;
    try {
      const migrated = await definitions();
      const named = (kind: string) =>
        migrated.filter((d) => d.name.startsWith(`${kind} stats_`)).map((d) => d.name.slice(kind.length + 1));
      expect(named('matview').length).toBeGreaterThan(10);
      await client.query(
        `DROP VIEW ${named('view').join(', ')} CASCADE; DROP MATERIALIZED VIEW IF EXISTS ${named('matview').join(', ')} CASCADE`,
      );
      expect(await definitions()).toEqual([]);
      await client.query(
        readFileSync(path.join(import.meta.dirname, '../../prisma/stats-views.sql'), 'utf8'),
      );
      expect(await definitions()).toEqual(migrated);
    } finally {
      await client.end();
      await db.drop();
    }
  });
});
