import 'server-only';
import { decryptSecret, encryptSecret } from '../secrets/crypto';
import { getKeyring } from '../secrets/keyring';

/**
 * The inbox search travels as a sealed token, never as text in the URL: a BSN or name in
 * `?q=` ends up in browser history, proxy and server logs. The search form posts the text
 * (searchMeldingenAction), which comes back as `?zoek=<token>`: AES-GCM under the app's key,
 * bound to the user (another user's or an altered token does not open), and valid for one
 * working day, so paging and filtering keep the search without it ever being readable.
 */
const VALID_MS = 12 * 3_600_000;

const context = (userId: string) => `inbox-search:${userId}`;

export function sealSearch(opts: { q: string; userId: string; now?: Date }): string {
  const at = (opts.now ?? new Date()).getTime();
  return encryptSecret(JSON.stringify({ q: opts.q, at }), getKeyring(), context(opts.userId));
}

/** The search text in a token, or null when it is not this user's, altered or expired. */
export function openSearch(opts: { token: string; userId: string; now?: Date }): string | null {
  try {
    const { q, at } = JSON.parse(decryptSecret(opts.token, getKeyring(), context(opts.userId))) as {
      q: unknown;
      at: unknown;
    };
    const now = (opts.now ?? new Date()).getTime();
    if (typeof q !== 'string' || typeof at !== 'number' || now - at > VALID_MS || at > now + 60_000)
      return null;
    return q;
  } catch {
    return null;
  }
}
