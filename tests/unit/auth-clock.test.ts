import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authNow } from '../../lib/auth/auth-clock';
import type { NextConfig } from 'next';

describe('the session and TOTP clock', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'auth-clock-'));
  const file = path.join(dir, 'offset-ms');
  const hour = 3_600_000;
  afterEach(() => {
    delete process.env.MELDPOST_TEST_BUILD;
    delete process.env.MELDPOST_TEST_CLOCK_FILE;
  });

  it('is the wall clock unless the build is a test build, whatever the environment says', () => {
    writeFileSync(file, String(5 * hour));
    process.env.MELDPOST_TEST_CLOCK_FILE = file;
    expect(Math.abs(authNow().getTime() - Date.now())).toBeLessThan(1000);
    process.env.MELDPOST_TEST_BUILD = 'no';
    expect(Math.abs(authNow().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('in a test build, runs ahead by the offset in the clock file', () => {
    process.env.MELDPOST_TEST_BUILD = 'yes';
    process.env.MELDPOST_TEST_CLOCK_FILE = file;
    writeFileSync(file, String(5 * hour));
    expect(authNow().getTime() - Date.now()).toBeGreaterThan(5 * hour - 1000);
    writeFileSync(file, 'later');
    expect(() => authNow()).toThrow(/no number/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('only a build into .next-test/ is a test build; the production build inlines "no"', async () => {
    const configFile = path.join(import.meta.dirname, '../../next.config.js');
    const { default: nextConfig } = (await import(configFile)) as { default: NextConfig };
    expect(nextConfig.distDir).toBe('.next');
    expect(nextConfig.compiler?.defineServer).toEqual({ 'process.env.MELDPOST_TEST_BUILD': 'no' });
  });
});
