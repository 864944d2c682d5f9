/**
 * The worker as plain JavaScript: workers/main.ts and the form parser's thread bundled with
 * esbuild into dist/worker/ (packages stay in node_modules). Running it without the TypeScript
 * loader halves the worker's memory (measured with `npm run bench:ingest`: the loader and its
 * transforms cost ~250 MB over the two threads) and starts it in a fraction of the time.
 * Bundling takes ~0.2 s, so every start builds afresh; each file is written under a temporary
 * name and renamed, so instances starting side by side never read a half-written file.
 * `tsx launcher/worker-build.ts` builds and prints the command that runs it (`npm run worker`).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './web-build';

const WORKER_DIR = path.join(ROOT, 'dist/worker');

/**
 * How the bundled worker runs wherever it is started (npm start, npm run worker, tests, bench).
 * Left to its defaults, V8 lets a heap grow towards gigabytes before collecting in earnest, and
 * glibc keeps a malloc arena per thread that once held a large mail: the backlog benchmark peaked
 * at 587 MB. A small young generation, an old-generation ceiling (V8 sizes its growth by it; set
 * far above the worker's live heap of ~70 MB while a 27 MB mail is read, so a large mail never
 * reaches it) brought it to ~340 MB. glibc then still kept freed memory: one malloc arena for
 * all threads, blocks of 128 kB and up mapped on their own (unmapped when freed), and a heap top
 * given back above 128 kB of slack bring it to ~270–290 MB at the same throughput (measured with
 * `npm run bench:ingest`: two arenas and the default thresholds 329 MB, two arenas 291–293 MB,
 * one arena 272 MB).
 */
export const WORKER_NODE_ARGS = [
  '--conditions=react-server',
  '--max-semi-space-size=1',
  '--max-old-space-size=512',
] as const;
export const WORKER_ENV = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
} as const;
export const WORKER_ENTRY = path.join(WORKER_DIR, 'main.mjs');

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
  return WORKER_ENTRY;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  // For `exec env $(…)` in package.json: the entry relative to the project (npm runs scripts there), so no spaces.
  const env = Object.entries(WORKER_ENV).map(([k, v]) => `${k}=${v}`);
  process.stdout.write(
    `${[...env, 'node', ...WORKER_NODE_ARGS, path.relative(ROOT, buildWorker())].join(' ')}\n`,
  );
}
