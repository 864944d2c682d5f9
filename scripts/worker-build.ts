/**
 * The worker as plain JavaScript: workers/main.ts and the form parser's thread bundled with
 * esbuild into dist/worker/ (packages stay in node_modules). Running it without the TypeScript
 * loader halves the worker's memory (measured with `npm run bench:ingest`: the loader and its
 * transforms cost ~250 MB over the two threads) and starts it in a fraction of the time.
 * Bundling takes ~0.2 s, so every start builds afresh; each file is written under a temporary
 * name and renamed, so instances starting side by side never read a half-written file.
 * `tsx scripts/worker-build.ts` builds and prints the entry's path.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './web-build';

export const WORKER_DIR = path.join(ROOT, 'dist/worker');

/** Builds the worker and returns the path of its entry, dist/worker/main.mjs. */
export function buildWorker(): string {
  const result = buildSync({
    absWorkingDir: ROOT,
    // lib/form/pool.ts looks for the parse thread as form-worker.mjs beside the entry.
    entryPoints: { main: 'workers/main.ts', 'form-worker': 'lib/form/worker.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: WORKER_DIR,
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'error',
  });
  mkdirSync(WORKER_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  return path.join(WORKER_DIR, 'main.mjs');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.stdout.write(`${buildWorker()}\n`);
}
