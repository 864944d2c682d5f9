/**
 * The worker as plain JavaScript: workers/main.ts and the form parser's thread bundled into
 * dist/worker/ (part of `npm run build`). Running it without the TypeScript loader halves the
 * worker's memory and starts it in a fraction of the time (README, benchmarks).
 * `tsx launcher/worker-build.ts` builds and prints the command that runs it (`npm run worker`).
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project-root';
import { bundle } from './bundle';
import { WORKER_DIR, WORKER_ENTRY, WORKER_ENV, WORKER_NODE_ARGS } from './worker-runtime';

/** Builds the worker and returns the path of its entry, dist/worker/main.mjs. */
export function buildWorker(): string {
  // lib/form/pool.ts looks for the parse thread as form-worker.mjs beside the entry.
  bundle({
    entryPoints: { main: 'workers/main.ts', 'form-worker': 'lib/form/worker.ts' },
    outdir: WORKER_DIR,
  });
  return WORKER_ENTRY;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  // For `exec env $(…)` in package.json: the entry relative to the project (npm runs scripts there), so no spaces.
  const env = Object.entries(WORKER_ENV).map(([k, v]) => `${k}=${v}`);
  process.stdout.write(
    `${[...env, 'node', ...WORKER_NODE_ARGS, path.relative(PROJECT_ROOT, buildWorker())].join(' ')}\n`,
  );
}
