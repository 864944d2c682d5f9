import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import { decryptStoredSecret, encryptSecret, needsRotation, type TKeyring } from './crypto';
import { mailboxSecretContext, totpSecretContext } from './secret-context';
import type { TDb } from '../db/client';

export type TRotationResult = { mailboxes: number; totpSecrets: number; alreadyCurrent: number };

/**
 * Re-encrypts every secret at rest under the keyring's current key, bound to its row and purpose
 * (v1 values from before that binding are converted too): mailbox passwords and client secrets,
 * TOTP secrets. Run while the old key is still in MELDPOST_OLD_ENCRYPTION_KEYS everywhere, so
 * running web and worker processes decrypt both old and new values throughout. Each row is
 * updated only if it still holds the value read (a concurrent edit wins and is already current).
 * Idempotent: a second run finds nothing left to do.
 */
export async function rotateSecrets(opts: { db: TDb; ring: TKeyring }): Promise<TRotationResult> {
  const result: TRotationResult = { mailboxes: 0, totpSecrets: 0, alreadyCurrent: 0 };
  /** The value re-sealed, or null when it is current already. */
  const reseal = (stored: string, context: string) => {
    if (!needsRotation(stored, opts.ring)) {
      result.alreadyCurrent++;
      return null;
    }
    return encryptSecret(decryptStoredSecret(stored, opts.ring, context), opts.ring, context);
  };
  for (const mailbox of await opts.db.mailbox.findMany({ select: { id: true, secretEnc: true } })) {
    const fresh = reseal(mailbox.secretEnc, mailboxSecretContext(mailbox.id));
    if (!fresh) continue;
    result.mailboxes += (
      await opts.db.mailbox.updateMany({
        where: { id: mailbox.id, secretEnc: mailbox.secretEnc },
        data: { secretEnc: fresh },
      })
    ).count;
  }
  for (const u of await opts.db.user.findMany({
    where: { mfaSecretEnc: { not: null } },
    select: { id: true, mfaSecretEnc: true },
  })) {
    const fresh = reseal(u.mfaSecretEnc!, totpSecretContext(u.id));
    if (!fresh) continue;
    result.totpSecrets += (
      await opts.db.user.updateMany({
        where: { id: u.id, mfaSecretEnc: u.mfaSecretEnc },
        data: { mfaSecretEnc: fresh },
      })
    ).count;
  }
  await audit(opts.db, {
    actor: SYSTEM_ACTOR('cli'),
    action: 'geheimen.roteer',
    objectType: 'system',
    details: { ...result },
  });
  return result;
}
