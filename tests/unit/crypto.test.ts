import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, keyringFrom, needsRotation } from '../../lib/secrets/crypto';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

describe('secrets at rest (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV each time, and the ciphertext does not contain the secret', () => {
    const ring = keyringFrom(k1);
    const a = encryptSecret('Geheim-wachtwoord-123', ring);
    const b = encryptSecret('Geheim-wachtwoord-123', ring);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Geheim');
    expect(Buffer.from(a).toString('latin1')).not.toContain('wachtwoord');
    expect(decryptSecret(a, ring)).toBe('Geheim-wachtwoord-123');
    expect(decryptSecret(encryptSecret('', ring), ring)).toBe('');
  });

  it('rejects tampering and unknown keys', () => {
    const ring = keyringFrom(k1);
    const stored = encryptSecret('abc', ring);
    const parts = stored.split(':');
    parts[4] = Buffer.from('abd').toString('base64url');
    expect(() => decryptSecret(parts.join(':'), ring)).toThrow(/beschadigd/);
    expect(() => decryptSecret(stored, keyringFrom(k2))).toThrow(/Geen sleutel/);
    expect(() => decryptSecret('plaintext', ring)).toThrow(/Onbekend formaat/);
  });

  it('decrypts under an old key during rotation and says when to re-encrypt', () => {
    const old = encryptSecret('s3cret', keyringFrom(k1));
    const rotating = keyringFrom(k2, [k1]);
    expect(decryptSecret(old, rotating)).toBe('s3cret');
    expect(needsRotation(old, rotating)).toBe(true);
    expect(needsRotation(encryptSecret('s3cret', rotating, 'mailbox:1:secret'), rotating)).toBe(false);
    // Current key but not bound to its row and purpose (stored before binding): convert it too.
    expect(needsRotation(encryptSecret('s3cret', rotating), rotating)).toBe(true);
  });
});
