/**
 * Attacks on the OpenID Connect link, against the real database through the verb that decides it
 * (the full browser flow is in tests/integration/auth-oidc.test.ts):
 * - Someone at the identity provider gets (or takes over) the e-mail address of a meldpost user —
 *   a reused address of a leaver, a renamed account. Before the fix a sign-in matched on the
 *   e-mail address alone and opened that meldpost account. Now the first sign-in pins the
 *   provider's `sub`, and another `sub` with the same address is refused and audited.
 * - With OIDC_IDP_MFA=true every provider sign-in counted as two-factor, also when the provider
 *   let the user in with a password alone. Now only an id token whose `amr` or `acr` shows MFA
 *   counts; otherwise meldpost asks its own TOTP code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithOidc } from '../../lib/auth/sign-in-with-oidc';
import type { TOidcClaims } from '../../lib/auth/oidc-email';
import { describeAuditDetails } from '../../lib/audit/audit-labels';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

const signIn = (claims: TOidcClaims, idpMfa = false) =>
  signInWithOidc({ db: t.db, claims, idpMfa, ip: '192.0.2.10', userAgent: 'test' });

const account = (email: string) =>
  t.db.user.create({ data: { email, role: 'MEDEWERKER', mustChangePassword: false } });

describe('OpenID Connect: the provider account is pinned on first sign-in', () => {
  it('pins the sub, signs in again with it, and refuses the same address with another sub (audited)', async () => {
    const user = await account('f.bakker@meldpunt.test');
    const first = await signIn({ sub: 'idp-bakker', email: 'F.Bakker@meldpunt.test', email_verified: true });
    expect(first.ok).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBe('idp-bakker');
    expect(
      (await signIn({ sub: 'idp-bakker', email: 'f.bakker@meldpunt.test', email_verified: true })).ok,
    ).toBe(true);

    const sessionsBefore = await t.db.session.count({ where: { userId: user.id } });
    const taken = await signIn({
      sub: 'idp-nieuwe-collega',
      email: 'f.bakker@meldpunt.test',
      email_verified: true,
    });
    expect(taken).toEqual({ ok: false, reason: 'other_subject' });
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBe('idp-bakker');
    const denied = await t.db.auditEvent.findFirstOrThrow({
      where: { objectId: user.id, action: 'auth.login', outcome: 'DENIED' },
    });
    expect(denied.details).toMatchObject({ method: 'oidc', reason: 'other_subject' });
    expect(describeAuditDetails(denied.details)).toContain('gekoppeld aan een ander account bij de provider');
  });

  it('refuses a sub already pinned to another meldpost account', async () => {
    await account('g.visser@meldpunt.test');
    await account('h.smit@meldpunt.test');
    expect(
      (await signIn({ sub: 'idp-visser', email: 'g.visser@meldpunt.test', email_verified: true })).ok,
    ).toBe(true);
    // The same provider account now says it is h.smit (an address changed at the provider).
    expect(await signIn({ sub: 'idp-visser', email: 'h.smit@meldpunt.test', email_verified: true })).toEqual({
      ok: false,
      reason: 'other_subject',
    });
    expect(
      (await t.db.user.findUniqueOrThrow({ where: { email: 'h.smit@meldpunt.test' } })).oidcSubject,
    ).toBeNull();
  });
});

describe('OpenID Connect: the provider MFA counts only when the id token shows it', () => {
  const verified = async (claims: TOidcClaims, idpMfa: boolean) => {
    const result = await signIn(claims, idpMfa);
    if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
    const session = await t.db.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    return session.mfaVerifiedAt !== null;
  };

  it("asks meldpost's own TOTP step when amr/acr show only a password, even with OIDC_IDP_MFA=true", async () => {
    await account('i.mulder@meldpunt.test');
    const base = { sub: 'idp-mulder', email: 'i.mulder@meldpunt.test', email_verified: true };
    expect(await verified(base, true)).toBe(false);
    expect(await verified({ ...base, amr: ['pwd'] }, true)).toBe(false);
    expect(await verified({ ...base, acr: 'urn:mace:incommon:iap:bronze' }, true)).toBe(false);
    expect(await verified({ ...base, amr: 'mfa' }, true)).toBe(false); // not an array: not a claim we read
  });

  it('counts the provider MFA when amr names a second factor or acr is a multi-factor level', async () => {
    await account('j.bos@meldpunt.test');
    const base = { sub: 'idp-bos', email: 'j.bos@meldpunt.test', email_verified: true };
    expect(await verified({ ...base, amr: ['pwd', 'mfa'] }, true)).toBe(true);
    expect(await verified({ ...base, amr: ['pwd', 'otp'] }, true)).toBe(true);
    expect(await verified({ ...base, amr: ['hwk'] }, true)).toBe(true);
    expect(
      await verified({ ...base, acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor' }, true),
    ).toBe(true);
    // Not trusted at all without OIDC_IDP_MFA, whatever the token says.
    expect(await verified({ ...base, amr: ['pwd', 'mfa'] }, false)).toBe(false);
  });

  it('takes the acr values that count from OIDC_MFA_ACR when configured', async () => {
    await account('k.dekker@meldpunt.test');
    const claims = { sub: 'idp-dekker', email: 'k.dekker@meldpunt.test', email_verified: true, acr: 'c2' };
    const run = async (mfaAcr?: string[]) => {
      const result = await signInWithOidc({
        db: t.db,
        claims,
        idpMfa: true,
        mfaAcr,
        ip: null,
        userAgent: null,
      });
      return result.ok && result.mfaByIdp;
    };
    expect(await run()).toBe(false);
    expect(await run(['c2'])).toBe(true);
  });
});
