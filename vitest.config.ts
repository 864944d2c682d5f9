import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // lib/ verbs mark themselves server-only; tests are server side (as the worker, which runs
      // with --conditions=react-server).
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/test-env.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files run side by side, one per core. Most of an integration or e2e file's time is
    // waiting (IMAP IDLE, worker loops, outages it stages, a web app or browser starting), not
    // computing; vitest's default (cores − 1) ran them one at a time on a 2-core machine. Each file
    // has its own database, ports, web app and mail servers, so nothing is shared but the cores.
    // Three at a time on 2 cores starved browser tests past their time-outs.
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
