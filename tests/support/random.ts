/**
 * The one random source of the tests (kenmerken, kill timing, names that must not collide), seeded
 * so that a failure can be repeated: the seed is printed with every failed test
 * (tests/support/test-env.ts), and `MELDPOST_TEST_SEED=<seed> npx vitest run <file>` replays the
 * same choices. Without that variable each test file draws a fresh seed.
 */
import { randomInt as cryptoRandomInt } from 'node:crypto';

const fromEnv = process.env.MELDPOST_TEST_SEED;
export const testSeed = fromEnv !== undefined ? Number(fromEnv) >>> 0 : cryptoRandomInt(2 ** 32);

let state = testSeed;

/** A number in [0, 1) from the seeded sequence (mulberry32). */
export function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}

/** An integer in [min, max). */
export function randomInt(min: number, max: number): number {
  return min + Math.floor(random() * (max - min));
}

/** A fictitious registratiekenmerk of the police (PL1300-2026 and six digits). */
export function randomKenmerk(): string {
  return `PL1300-2026${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}
