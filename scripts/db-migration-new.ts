/**
 * `npm run db:migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the existing migration history to prisma/schema.prisma.
 * The history is replayed in an in-memory PGlite shadow database (adapter-pg cannot serve as the
 * shadow: it fails on PostgreSQL's internal "char" type), so no server is needed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import {
  MIGRATIONS_DIR,
  NO_FILTERS,
  SCHEMA_PATH,
  openSchemaEngine,
  readMigrationsList,
} from '../lib/db/schema-engine';

/** SQL from the migration history to the schema; '' when they already agree. */
export async function diffMigrationsToSchema(): Promise<string> {
  const pglite = new PGlite({ extensions: { pg_trgm } });
  const factory = new PrismaPGlite(pglite);
  // The history replays in a shadow database the adapter makes as a fresh PGlite; extensions the
  // migrations create (CREATE EXTENSION pg_trgm) must be loadable there too.
  factory.connectToShadowDb = () =>
    new PrismaPGlite(new PGlite({ dataDir: 'memory://shadow', extensions: { pg_trgm } })).connect();
  const engine = await openSchemaEngine(factory);
  try {
    const list = await readMigrationsList();
    const from = list.migrationDirectories.length
      ? { tag: 'migrations' as const, ...list }
      : { tag: 'empty' as const };
    const result = await engine.diff({
      from,
      to: {
        tag: 'schemaDatamodel',
        files: [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, 'utf8') }],
      },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
      shadowDatabaseUrl: null,
    } as Parameters<typeof engine.diff>[0]);
    const sql = (result as { stdout?: string }).stdout ?? '';
    return sql.includes('This is an empty migration') ? '' : sql.trim();
  } finally {
    engine.free();
    await pglite.close();
  }
}

async function main() {
  const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
  if (!name) {
    console.error('Gebruik: npm run db:migration:new -- <naam>');
    process.exit(2);
  }
  const sql = await diffMigrationsToSchema();
  if (!sql) {
    console.log('Geen wijzigingen: schema.prisma en de migraties komen overeen.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
  await writeFile(path.join(dir, 'migration.sql'), `${sql}\n`);
  console.log(`Nieuwe migratie: ${path.relative(process.cwd(), dir)}/migration.sql`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
