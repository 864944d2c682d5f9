/**
 * Environment for tests that call code reading getEnv(): fixed, fake keys (never real secrets).
 * Loaded by vitest's setupFiles before any test module.
 */
process.env.MELDPOST_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
process.env.MELDPOST_PSEUDONYM_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret-123';
process.env.DATABASE_URL ??= 'postgresql://unused@127.0.0.1:1/unused';
process.env.LOG_LEVEL ??= 'silent';
