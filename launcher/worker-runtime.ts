/**
 * How the bundled worker (dist/worker/main.mjs, made by `npm run build`) runs wherever it is
 * started: `meldpost worker`, `npm start`, tests and benchmarks.
 *
 * Left to its defaults, V8 lets a heap grow towards gigabytes before collecting in earnest, and
 * glibc keeps a malloc arena per thread that once held a large mail. A small young generation
 * and an old-generation ceiling (V8 sizes its growth by it; set far above the worker's live heap
 * while a large mail is read, so a large mail never reaches it) keep the heap near what is live.
 * glibc then still kept freed memory: one malloc arena for all threads, blocks of 128 kB and up
 * mapped on their own (unmapped when freed), and a heap top given back above 128 kB of slack.
 * The figures are in the README's benchmark section (`npm run bench:ingest`).
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project-root';

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
export const WORKER_DIR = path.join(PROJECT_ROOT, 'dist/worker');
export const WORKER_ENTRY = path.join(WORKER_DIR, 'main.mjs');
