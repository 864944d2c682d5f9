import 'server-only';
import { audit } from '../audit/audit';
import { verifiedEmail, type TOidcClaims } from './oidc-email';
import { idTokenShowsMfa } from './oidc-mfa';
import { sessionTimes } from './session-times';
import type { TDb } from '../db/client';
import { authNow } from './auth-clock';

export type TOidcSignIn =
  { ok: true; sessionId: string; mfaByIdp: boolean } | { ok: false; reason: 'no_account' | 'other_subject' };

/**
 * An OpenID Connect sign-in maps onto an EXISTING active account with the same verified e-mail
 * address, and gets that account's role; nobody is created. The first sign-in pins the identity
 * provider's `sub` to the account; a later one with the same address but another `sub` (someone
 * else given that address, or an address taken over) is refused, as is a `sub` pinned to another
 * account. Refusals are audited. The session counts as MFA-verified only when the provider is
 * trusted to enforce MFA (`idpMfa`) AND its id token shows it did (`amr`/`acr`); otherwise the
 * user continues with meldpost's own TOTP step (or its enrolment).
 */
export async function signInWithOidc(opts: {
  db: TDb;
  claims: TOidcClaims;
  idpMfa: boolean;
  /** `acr` values that count as multi-factor (OIDC_MFA_ACR); left out: the defaults. */
  mfaAcr?: readonly string[];
  ip: string | null;
  userAgent: string | null;
}): Promise<TOidcSignIn> {
  const { db, ip, userAgent } = opts;
  const email = verifiedEmail(opts.claims);
  const sub = typeof opts.claims.sub === 'string' && opts.claims.sub ? opts.claims.sub : null;
  const user = email
    ? await db.user.findUnique({
        where: { email },
        select: { id: true, email: true, active: true, oidcSubject: true },
      })
    : null;
  const actor = { id: user?.id ?? null, label: user?.email ?? 'onbekend', ip, userAgent };
  const refuse = async (reason: string) => {
    await audit(db, {
      actor,
      action: 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      outcome: 'DENIED',
      details: { method: 'oidc', reason },
    });
  };
  if (!user || !user.active || !sub) {
    await refuse(
      !email ? 'unverified_email' : !user ? 'unknown_email' : !user.active ? 'inactive' : 'no_subject',
    );
    return { ok: false, reason: 'no_account' };
  }
  if (user.oidcSubject !== null && user.oidcSubject !== sub) {
    await refuse('other_subject');
    return { ok: false, reason: 'other_subject' };
  }
  const holder = await db.user.findUnique({ where: { oidcSubject: sub }, select: { id: true } });
  if (holder && holder.id !== user.id) {
    await refuse('subject_of_other_account');
    return { ok: false, reason: 'other_subject' };
  }

  const mfaByIdp = opts.idpMfa && idTokenShowsMfa(opts.claims, opts.mfaAcr);
  const now = new Date();
  const sessionStart = authNow();
  const sessionId = await db.$transaction(async (tx) => {
    // Pinned on first use; of two first sign-ins with different subjects only one pins.
    const pinned = await tx.user.updateMany({
      where: { id: user.id, OR: [{ oidcSubject: null }, { oidcSubject: sub }] },
      data: { oidcSubject: sub },
    });
    if (pinned.count === 0) return null;
    await tx.loginAttempt.create({ data: { email: user.email, ip, success: true, at: now } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    const session = await tx.session.create({
      data: {
        userId: user.id,
        createdAt: sessionStart,
        lastSeenAt: sessionStart,
        expiresAt: new Date(sessionStart.getTime() + sessionTimes().maxMs),
        mfaVerifiedAt: mfaByIdp ? sessionStart : null,
        ip,
        userAgent,
      },
    });
    await audit(tx, {
      actor,
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      details: {
        method: 'oidc',
        idpMfa: mfaByIdp,
        ...(user.oidcSubject === null ? { pinned: true } : {}),
      },
    });
    return session.id;
  });
  if (!sessionId) {
    await refuse('other_subject');
    return { ok: false, reason: 'other_subject' };
  }
  return { ok: true, sessionId, mfaByIdp };
}
