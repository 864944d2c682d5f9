/**
 * Recovery codes: ten single-use codes shown once at enrolment. Each has 80 random bits, so a
 * plain SHA-256 is enough to store them (unlike passwords, there is nothing to guess).
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// 32 symbols without the look-alikes 0/O and 1/I/L.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `XXXX-XXXX-XXXX-XXXX`: 16 symbols from a 31-symbol alphabet (~79 bits). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  );
}

function normalise(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalise(code)).digest('hex');
}

/** The index of the stored hash `input` matches, or -1 (compares against all, in constant time each). */
export function matchRecoveryCode(hashes: readonly string[], input: string): number {
  if (normalise(input).length !== 16) return -1;
  const candidate = Buffer.from(hashRecoveryCode(input), 'hex');
  let found = -1;
  hashes.forEach((h, i) => {
    const stored = Buffer.from(h, 'hex');
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate) && found === -1) found = i;
  });
  return found;
}
