/**
 * Secrets at rest: AES-256-GCM with a random 96-bit IV per value. Stored as
 * `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts); the key id (first 8 hex chars of the
 * key's SHA-256) tells which key to use, so old keys keep working during a rotation.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type TKeyring = { current: Buffer; old: Buffer[] };

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function keyringFrom(currentB64: string, oldB64: string[] = []): TKeyring {
  return { current: Buffer.from(currentB64, 'base64'), old: oldB64.map((k) => Buffer.from(k, 'base64')) };
}

export function encryptSecret(plain: string, ring: TKeyring): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
  return ['v1', keyId(ring.current), ...parts].join(':');
}

export class SecretDecryptError extends Error {
  readonly code = 'secret_decrypt_failed';
}

export function decryptSecret(stored: string, ring: TKeyring): string {
  const [version, id, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !id || !iv || !tag || data === undefined)
    throw new SecretDecryptError('Onbekend formaat van versleuteld geheim');
  const key = [ring.current, ...ring.old].find((k) => keyId(k) === id);
  if (!key) throw new SecretDecryptError(`Geen sleutel met id ${id} beschikbaar`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretDecryptError('Versleuteld geheim is beschadigd of hoort bij een andere sleutel');
  }
}

/** True when the value was encrypted under an older key and should be re-encrypted. */
export function needsRotation(stored: string, ring: TKeyring): boolean {
  return stored.split(':')[1] !== keyId(ring.current);
}
