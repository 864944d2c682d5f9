/**
 * The time that session lifetimes (idle and absolute) and TOTP codes are judged by.
 *
 * A test build of the web app (built into .next-test/, see next.config.js) lets a test move this
 * clock forward by writing an offset in milliseconds to the file named by
 * MELDPOST_TEST_CLOCK_FILE, so that a test of a 30-minute idle timeout or of a fifth TOTP code
 * need not wait for the wall clock. Every other build has MELDPOST_TEST_BUILD inlined as 'no' at
 * build time, so no environment variable can move a production clock.
 */
import { readFileSync } from 'node:fs';

function testOffsetMs(): number {
  if (process.env.MELDPOST_TEST_BUILD !== 'yes') return 0;
  const file = process.env.MELDPOST_TEST_CLOCK_FILE;
  if (!file) return 0;
  const offset = Number(readFileSync(file, 'utf8'));
  if (!Number.isFinite(offset)) throw new Error(`MELDPOST_TEST_CLOCK_FILE holds no number: ${file}`);
  return offset;
}

/** Now, for the session and TOTP rules. */
export function authNow(): Date {
  return new Date(Date.now() + testOffsetMs());
}
