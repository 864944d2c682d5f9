import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import { decryptSecret, encryptSecret, needsRotation, type TKeyring } from './crypto';
import type { TDb } from '../db/client';

export type TRotationResult = { mailboxes: number; totpSecrets: number; alreadyCurrent: number };

/**
 * Re-encrypts every secret at rest under the keyring's current key: mailbox passwords and client
 * secrets, TOTP secrets. Run while the old key is still in MELDPOST_OLD_ENCRYPTION_KEYS everywhere,
 * so running web and worker processes decrypt both old and new values throughout. Each row is
 * updated only if it still holds the value read (a concurrent edit wins and is already current).
 * Idempotent: a second run finds nothing left to do.
 */
export async function rotateSecrets(o: { db: TDb; ring: TKeyring }): Promise<TRotationResult> {
  const result: TRotationResult = { mailboxes: 0, totpSecrets: 0, alreadyCurrent: 0 };
  for (const mb of await o.db.mailbox.findMany({ select: { id: true, secretEnc: true } })) {
    if (!needsRotation(mb.secretEnc, o.ring)) {
      result.alreadyCurrent++;
      continue;
    }
    const fresh = encryptSecret(decryptSecret(mb.secretEnc, o.ring), o.ring);
    result.mailboxes += (
      await o.db.mailbox.updateMany({
        where: { id: mb.id, secretEnc: mb.secretEnc },
        data: { secretEnc: fresh },
      })
    ).count;
  }
  for (const u of await o.db.user.findMany({
    where: { mfaSecretEnc: { not: null } },
    select: { id: true, mfaSecretEnc: true },
  })) {
    if (!needsRotation(u.mfaSecretEnc!, o.ring)) {
      result.alreadyCurrent++;
      continue;
    }
    const fresh = encryptSecret(decryptSecret(u.mfaSecretEnc!, o.ring), o.ring);
    result.totpSecrets += (
      await o.db.user.updateMany({
        where: { id: u.id, mfaSecretEnc: u.mfaSecretEnc },
        data: { mfaSecretEnc: fresh },
      })
    ).count;
  }
  await audit(o.db, {
    actor: SYSTEM_ACTOR('cli'),
    action: 'geheimen.roteer',
    objectType: 'system',
    details: { ...result },
  });
  return result;
}
