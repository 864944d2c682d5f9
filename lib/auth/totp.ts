/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s — what every authenticator app does) with one step of
 * clock drift either way, and replay protection: a code is only accepted for a time step later
 * than the last one used.
 */
import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_PERIOD_SEC = 30;
export const TOTP_ISSUER = 'meldpost';

/** A fresh base32 secret of 20 random bytes (160 bits). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** True when `input` looks like a TOTP code (six digits, spaces allowed) rather than a recovery code. */
export function looksLikeTotp(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}

/**
 * The time step of `code` when it is valid now (±1 step) and later than `afterTimeStep`, else
 * null. `epochSec`: now, in seconds (lib/auth/auth-clock.ts).
 */
export async function checkTotp(
  secret: string,
  code: string,
  afterTimeStep?: number | null,
  epochSec?: number,
): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epochTolerance: TOTP_PERIOD_SEC,
    ...(afterTimeStep != null ? { afterTimeStep } : {}),
    ...(epochSec != null ? { epoch: epochSec } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
