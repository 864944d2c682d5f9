/**
 * Attack: read a BSN or name searched for in the inbox from browser history or proxy logs. Before,
 * the search was `GET /meldingen?q=123456782`. Now the form posts the text and the URL carries a
 * sealed token: it contains nothing of the search, opens only for the user who searched, and
 * not once altered or expired. The browser flow is in tests/e2e/triage-flow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { openSearch, sealSearch } from '../../lib/melding/search-token';

const BSN = '123456782';
const NOW = new Date('2026-12-07T10:00:00Z');

describe('the sealed inbox search', () => {
  it('says nothing of the search text and opens for the same user', () => {
    const token = sealSearch({ q: BSN, userId: 'medewerker-a', now: NOW });
    expect(token).not.toContain(BSN);
    expect(Buffer.from(token.split(':').at(-1)!, 'base64url').toString('latin1')).not.toContain(BSN);
    expect(new URLSearchParams({ zoek: token }).toString()).not.toMatch(/\d{9}/);
    expect(openSearch({ token, userId: 'medewerker-a', now: NOW })).toBe(BSN);
  });

  it('does not open for another user, once altered, or after a working day', () => {
    const token = sealSearch({ q: 'Proefstra', userId: 'medewerker-a', now: NOW });
    expect(openSearch({ token, userId: 'medewerker-b', now: NOW })).toBeNull();
    const parts = token.split(':');
    const flipped = Buffer.from(parts[4]!, 'base64url');
    flipped[0]! ^= 1;
    parts[4] = flipped.toString('base64url');
    expect(openSearch({ token: parts.join(':'), userId: 'medewerker-a', now: NOW })).toBeNull();
    const later = new Date(NOW.getTime() + 13 * 3_600_000);
    expect(openSearch({ token, userId: 'medewerker-a', now: later })).toBeNull();
  });
});
