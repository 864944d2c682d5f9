/**
 * How the web server (`next start`) runs wherever it is started: `npm start`, `meldpost web`,
 * tests and benchmarks.
 *
 * The preload stamps each request with the client's address (scripts/web-client-ip.mjs).
 * The rest bounds memory, as for the worker (launcher/worker-runtime.ts): left to its defaults,
 * V8 lets the heap of a busy server grow far past what is live before collecting in earnest, and
 * glibc gives each thread that allocates its own malloc arena and keeps what was freed in them.
 * An old-generation ceiling (V8 sizes its heap growth by it; well above the live heap under
 * 20 concurrent clients) and two malloc arenas, with large blocks mapped on their own and a heap
 * top given back above 128 kB of slack, keep the RSS near what is live and give it back after a
 * burst. The figures are in docs/OPERATIONS.md (`npm run bench:web-load`).
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project-root';

export const WEB_NODE_ARGS = [
  '--import',
  path.join(PROJECT_ROOT, 'scripts/web-client-ip.mjs'),
  '--max-semi-space-size=16',
  '--max-old-space-size=384',
] as const;
export const WEB_ENV = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
} as const;
