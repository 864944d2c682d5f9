import 'server-only';
import { decryptStoredSecret, encryptSecret } from '../secrets/crypto';
import { totpSecretContext } from '../secrets/secret-context';
import { getKeyring } from '../secrets/keyring';
import { liveSessionWhere } from './session-stage';
import { sessionTimes } from './session-times';
import { newTotpSecret } from './totp';
import type { TDb } from '../db/client';
import { authNow } from './auth-clock';

/**
 * The TOTP secret to show at enrolment, for a session past its password whose user has not
 * enrolled yet. Created once and kept (encrypted) until confirmed, so reloading the page shows
 * the same QR code the user may already have scanned. Null when the session may not enrol.
 */
export async function startTotpEnrolment(opts: {
  db: TDb;
  sessionId: string;
}): Promise<{ secret: string; email: string } | null> {
  const { db } = opts;
  const where = {
    id: opts.sessionId,
    mfaVerifiedAt: null,
    ...liveSessionWhere(authNow(), sessionTimes().idleMs),
    user: { active: true, mfaEnrolledAt: null },
  };
  const session = await db.session.findFirst({
    where,
    select: { user: { select: { id: true, email: true, mfaSecretEnc: true } } },
  });
  if (!session) return null;
  const { user } = session;
  if (!user.mfaSecretEnc) {
    // Only one of two concurrent first visits stores its secret; both then read the stored one.
    await db.user.updateMany({
      where: { id: user.id, mfaSecretEnc: null, mfaEnrolledAt: null },
      data: { mfaSecretEnc: encryptSecret(newTotpSecret(), getKeyring(), totpSecretContext(user.id)) },
    });
  }
  const stored =
    user.mfaSecretEnc ??
    (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { mfaSecretEnc: true } }))
      .mfaSecretEnc!;
  return { secret: decryptStoredSecret(stored, getKeyring(), totpSecretContext(user.id)), email: user.email };
}
