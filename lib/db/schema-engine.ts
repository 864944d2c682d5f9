/**
 * Prisma's schema engine as WebAssembly, driven through a driver adapter. The CLI's native engine
 * cannot be downloaded on every machine (see README), but the wasm build from npm can apply the
 * standard `prisma/migrations/` folder and keeps `_prisma_migrations` exactly as
 * `prisma migrate deploy` would, so both stay interchangeable.
 */
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PROJECT_ROOT } from '../project-root';

const require = createRequire(import.meta.url);
export const SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma/migrations');

type TEngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
export type TSchemaEngine = import('@prisma/schema-engine-wasm/schema_engine_bg').SchemaEngine;

let enginePromise: Promise<TEngineModule> | undefined;

/** The wasm instance is loaded once per process; each call to openSchemaEngine gets its own engine. */
function loadEngineModule(): Promise<TEngineModule> {
  enginePromise ??= (async () => {
    const bg: TEngineModule = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    // The package exports no path for the .wasm file: find it beside the JS entry.
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm')),
      'schema_engine_bg.wasm',
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return enginePromise;
}

export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
): Promise<TSchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  // The engine logs through this callback; its messages carry SQL, never data, but stay quiet.
  const log = () => {};
  return SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** The migrations folder as the engine wants it: every `<dir>/migration.sql`, in name order. */
export async function readMigrationsList() {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: {
            tag: 'ok' as const,
            value: await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'),
          },
        },
      })),
    ),
  };
}
