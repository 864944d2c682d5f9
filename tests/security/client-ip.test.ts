/**
 * The client address behind TRUSTED_PROXIES: only entries our own proxies appended count, so a
 * client that sends its own X-Forwarded-For cannot choose the address it is limited under.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript preload (scripts/web-client-ip.mjs), no type declarations
import { clientIp } from '../../scripts/web-client-ip.mjs';

describe('clientIp', () => {
  it('without trusted proxies takes the socket address and ignores X-Forwarded-For', () => {
    expect(clientIp('::ffff:198.51.100.4', '203.0.113.9, 10.0.0.1', 0)).toBe('198.51.100.4');
    expect(clientIp('2001:db8::1', undefined, 0)).toBe('2001:db8::1');
  });

  it('behind one proxy takes the entry that proxy appended, not what the client put before it', () => {
    // The client sent "203.0.113.9"; our proxy appended the client's real address 198.51.100.4.
    expect(clientIp('10.0.0.2', '203.0.113.9, 198.51.100.4', 1)).toBe('198.51.100.4');
    expect(clientIp('10.0.0.2', ['203.0.113.9', '198.51.100.4'], 1)).toBe('198.51.100.4');
  });

  it('behind two proxies skips both', () => {
    expect(clientIp('10.0.0.3', '203.0.113.9, 198.51.100.4, 10.0.0.2', 2)).toBe('198.51.100.4');
  });

  it('with more trusted proxies than entries takes the leftmost, never nothing', () => {
    expect(clientIp('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });
});
