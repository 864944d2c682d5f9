/**
 * Attacks on the encryption of secrets at rest: a ciphertext with its GCM tag cut short (GCM
 * accepted 4-byte tags before: a forgery then needs ~2^32 tries, not 2^128), and a ciphertext
 * copied to another purpose. Values stored before this change (v1, no context) still decrypt.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  keyId,
  SecretDecryptError,
  type TKeyring,
} from '../../lib/secrets/crypto';

const ring: TKeyring = { current: randomBytes(32), old: [] };

describe('AES-GCM secrets', () => {
  it('refuses a truncated tag', () => {
    const stored = encryptSecret('mailbox-wachtwoord', ring);
    const parts = stored.split(':');
    parts[3] = Buffer.from(parts[3]!, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => decryptSecret(parts.join(':'), ring)).toThrow(SecretDecryptError);
  });

  it('binds a value to its context: it opens only for the same one', () => {
    const stored = encryptSecret('geheim', ring, 'mailbox:1:secret');
    expect(decryptSecret(stored, ring, 'mailbox:1:secret')).toBe('geheim');
    expect(() => decryptSecret(stored, ring, 'mailbox:2:secret')).toThrow(SecretDecryptError);
    expect(() => decryptSecret(stored, ring)).toThrow(SecretDecryptError);
  });

  it('still decrypts a value stored in the earlier v1 format', () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', ring.current, iv);
    const data = Buffer.concat([cipher.update('oud-geheim', 'utf8'), cipher.final()]);
    const v1 = [
      'v1',
      keyId(ring.current),
      ...[iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')),
    ].join(':');
    expect(decryptSecret(v1, ring)).toBe('oud-geheim');
  });
});
