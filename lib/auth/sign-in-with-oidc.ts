import 'server-only';
import { audit } from '../audit/audit';
import { verifiedEmail, type TOidcClaims } from './oidc-email';
import { sessionTimes } from './session-times';
import type { TDb } from '../db/client';
import { authNow } from './auth-clock';

/**
 * An OpenID Connect sign-in maps onto an EXISTING active account with the same verified e-mail
 * address, and gets that account's role; nobody is created. Refusals are audited. The session
 * counts as MFA-verified only when the identity provider is configured to enforce MFA itself.
 */
export async function signInWithOidc(opts: {
  db: TDb;
  claims: TOidcClaims;
  idpMfa: boolean;
  ip: string | null;
  userAgent: string | null;
}): Promise<string | null> {
  const { db, ip, userAgent } = opts;
  const email = verifiedEmail(opts.claims);
  const user = email
    ? await db.user.findUnique({ where: { email }, select: { id: true, email: true, active: true } })
    : null;
  const actor = { id: user?.id ?? null, label: user?.email ?? 'onbekend', ip, userAgent };
  if (!user || !user.active) {
    const reason = !email ? 'unverified_email' : !user ? 'unknown_email' : 'inactive';
    await audit(db, {
      actor,
      action: 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      outcome: 'DENIED',
      details: { method: 'oidc', reason },
    });
    return null;
  }
  const now = new Date();
  const sessionStart = authNow();
  return db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email: user.email, ip, success: true, at: now } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    const session = await tx.session.create({
      data: {
        userId: user.id,
        createdAt: sessionStart,
        lastSeenAt: sessionStart,
        expiresAt: new Date(sessionStart.getTime() + sessionTimes().maxMs),
        mfaVerifiedAt: opts.idpMfa ? sessionStart : null,
        ip,
        userAgent,
      },
    });
    await audit(tx, {
      actor,
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      details: { method: 'oidc', idpMfa: opts.idpMfa },
    });
    return session.id;
  });
}
