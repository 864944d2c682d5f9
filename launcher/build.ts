/**
 * `npm run build`: everything a production install runs, so that it starts with plain `node`
 * and needs no devDependencies: the Prisma client, the web app (.next/), the worker
 * (dist/worker/) and the launcher with the CLI (dist/launcher/meldpost.mjs). dist/build.json
 * records the sources it was built from; `--if-stale` (what `npm start` runs first) builds only
 * when they changed since.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project-root';
import { bundle } from './bundle';
import { ALL_SOURCES, ensureWebBuild, sourceHash } from './web-build';
import { buildWorker } from './worker-build';

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'dist/launcher');
const STAMP = path.join(PROJECT_ROOT, 'dist/build.json');
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The launcher and the CLI it includes; the CLI's `parse` finds its thread beside it. */
export function buildLauncher(): void {
  bundle({
    entryPoints: { meldpost: 'launcher/meldpost.ts', 'form-worker': 'lib/form/worker.ts' },
    outdir: LAUNCHER_DIR,
    // `meldpost` runs as a command; lib/ marks itself server-only, as the worker does.
    banner: '#!/usr/bin/env -S node --conditions=react-server',
  });
}

function generatePrismaClient(): void {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/db-generate.mjs')], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('prisma generate mislukte');
}

function main(): void {
  const ifStale = process.argv.includes('--if-stale');
  const hash = sourceHash(ALL_SOURCES);
  const built = existsSync(STAMP) ? (JSON.parse(readFileSync(STAMP, 'utf8')) as { sources: string }) : null;
  if (ifStale && built?.sources === hash && existsSync(path.join(LAUNCHER_DIR, 'meldpost.mjs'))) return;
  const started = Date.now();
  generatePrismaClient();
  ensureWebBuild('.next', say);
  buildWorker();
  buildLauncher();
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${JSON.stringify({ sources: hash, builtAt: new Date().toISOString() })}\n`);
  say(
    `Build klaar in ${((Date.now() - started) / 1000).toFixed(1)} s (.next/, dist/worker/, dist/launcher/)`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
