/**
 * Environment for tests that call code reading getEnv(): fixed, fake keys (never real secrets).
 * Loaded by vitest's setupFiles before any test module.
 */
import { beforeEach } from 'vitest';
import { testSeed } from './random';

process.env.MELDPOST_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
process.env.MELDPOST_PSEUDONYM_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret-123';
process.env.DATABASE_URL ??= 'postgresql://unused@127.0.0.1:1/unused';
process.env.LOG_LEVEL ??= 'silent';

// A failed test names the seed of its file's random choices (tests/support/random.ts).
beforeEach(({ task, onTestFailed }) =>
  onTestFailed(() => {
    console.error(
      `Dezelfde willekeurige keuzes: MELDPOST_TEST_SEED=${testSeed} npx vitest run ${task.file.name}`,
    );
  }),
);
