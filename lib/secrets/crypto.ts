/**
 * Secrets at rest: AES-256-GCM with a random 96-bit IV per value and a full 128-bit tag. Stored
 * as `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts); the key id (first 8 hex chars of
 * the key's SHA-256) tells which key to use, so old keys keep working during a rotation.
 *
 * A value sealed for a purpose (`context`, e.g. `inbox-search:<user id>`) is `v2:…` and carries
 * that context as additional authenticated data: it opens only for the same context, so a token
 * or secret copied to another row, user or use does not decrypt. v1 values (no context) still
 * decrypt. Secrets stored in rows (mailbox secrets, TOTP secrets) are bound to their row and purpose
 * (`secret-context.ts`) and read with `decryptStoredSecret`, which still opens a v1 value written
 * before binding, until `cli secrets rotate` converts it. The decipher insists on a 16-byte tag: GCM otherwise accepts truncated tags, which
 * make forgeries far cheaper.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type TKeyring = { current: Buffer; old: Buffer[] };

const TAG_BYTES = 16;

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function keyringFrom(currentB64: string, oldB64: string[] = []): TKeyring {
  return { current: Buffer.from(currentB64, 'base64'), old: oldB64.map((k) => Buffer.from(k, 'base64')) };
}

export function encryptSecret(plain: string, ring: TKeyring, context?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current, iv, { authTagLength: TAG_BYTES });
  if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
  return [context === undefined ? 'v1' : 'v2', keyId(ring.current), ...parts].join(':');
}

export class SecretDecryptError extends Error {
  readonly code = 'secret_decrypt_failed';
}

export function decryptSecret(stored: string, ring: TKeyring, context?: string): string {
  const [version, id, iv, tag, data] = stored.split(':');
  const expected = context === undefined ? 'v1' : 'v2';
  if ((version !== 'v1' && version !== 'v2') || !id || !iv || !tag || data === undefined)
    throw new SecretDecryptError('Onbekend formaat van versleuteld geheim');
  if (version !== expected)
    throw new SecretDecryptError('Versleuteld geheim hoort bij een ander gebruik of een andere rij');
  const key = [ring.current, ...ring.old].find((k) => keyId(k) === id);
  if (!key) throw new SecretDecryptError(`Geen sleutel met id ${id} beschikbaar`);
  const tagBytes = Buffer.from(tag, 'base64url');
  if (tagBytes.length !== TAG_BYTES) throw new SecretDecryptError('Versleuteld geheim is beschadigd');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretDecryptError('Versleuteld geheim is beschadigd of hoort bij een andere sleutel');
  }
}

/**
 * A secret stored in a row, bound to `context` (its row and purpose): a v2 value opens only for
 * that context; a v1 value from before binding still opens until `secrets rotate` converts it.
 */
export function decryptStoredSecret(stored: string, ring: TKeyring, context: string): string {
  return decryptSecret(stored, ring, stored.startsWith('v1:') ? undefined : context);
}

/** True when the value was encrypted under an older key, or not bound to a context: re-encrypt it. */
export function needsRotation(stored: string, ring: TKeyring): boolean {
  const [version, id] = stored.split(':');
  return version !== 'v2' || id !== keyId(ring.current);
}
