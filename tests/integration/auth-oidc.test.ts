/**
 * OpenID Connect sign-in against a local provider (discovery, authorize, token with an RS256
 * id_token, JWKS): a verified e-mail address of an existing active account signs in with that
 * account's role; unknown, unverified and deactivated ones are refused and audited. The provider
 * account (`sub`) is pinned at the first sign-in: the same address with another `sub` is refused
 * with its own Dutch message. OIDC_IDP_MFA=true counts only when the id token's `amr`/`acr`
 * shows MFA; otherwise the user continues with meldpost's own TOTP step (and stays an OIDC user).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { startOidcProvider, type TOidcProvider } from '../support/oidc-provider';
import { CookieJar, createUserWithTotp, totpCode } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

let db: TTestDb;
let web: TWeb;
let idp: TOidcProvider;

beforeAll(async () => {
  db = await createTestDb();
  idp = await startOidcProvider();
  web = await startWeb({
    databaseUrl: db.url,
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_NAME: 'Testorganisatie',
      OIDC_IDP_MFA: 'true',
    },
  });
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await idp?.stop();
  await db?.drop();
});

/** The browser's part of the code flow, by hand: start at next-auth, through the provider, back to the callback. */
async function oidcSignIn(): Promise<{ cookie: string; landing: string; jar: CookieJar; csrfToken: string }> {
  const jar = new CookieJar();
  const keep = (res: Response) => jar.keep(res);
  const cookie = () => jar.header();
  const { csrfToken } = (await keep(await fetch(`${web.url}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = keep(
    await fetch(`${web.url}/api/auth/signin/oidc`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${web.url}/login`, json: 'true' }),
    }),
  );
  const { url: authorizeUrl } = (await start.json()) as { url: string };
  expect(authorizeUrl.startsWith(`${idp.issuer}/authorize`)).toBe(true);
  const back = await fetch(authorizeUrl, { redirect: 'manual' });
  const callback = keep(
    await fetch(back.headers.get('location')!, { redirect: 'manual', headers: { cookie: cookie() } }),
  );
  return {
    jar,
    csrfToken,
    cookie: cookie(),
    landing:
      new URL(callback.headers.get('location')!, web.url).pathname +
      new URL(callback.headers.get('location')!, web.url).search,
  };
}

const account = (cookie: string) => fetch(`${web.url}/account`, { headers: { cookie }, redirect: 'manual' });

describe('OpenID Connect sign-in', () => {
  it('shows the button on the login page', async () => {
    const html = await (await fetch(`${web.url}/login`)).text();
    expect(html).toContain('Inloggen met <!-- -->Testorganisatie');
  });

  it('signs in an existing active account by its verified e-mail address, with its role', async () => {
    const user = await createUserWithTotp(db.db, { role: 'COORDINATOR', email: 'c.de.vries@meldpunt.test' });
    idp.setUser({
      sub: 'entra-oid-1',
      email: 'C.de.Vries@meldpunt.test',
      email_verified: true,
      amr: ['pwd', 'mfa'],
    });
    const { cookie, landing } = await oidcSignIn();
    expect(landing).toBe('/login');
    const res = await account(cookie);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Coördinator');
    const session = await db.db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
    expect(session.mfaVerifiedAt).not.toBeNull();
    const login = await db.db.auditEvent.findFirstOrThrow({
      where: { actorId: user.id, action: 'auth.login' },
    });
    expect([login.outcome, (login.details as { method: string }).method]).toEqual(['SUCCESS', 'oidc']);
  });

  it.each([
    [
      'an unknown e-mail address',
      { sub: 'x1', email: 'onbekend@elders.test', email_verified: true },
      'unknown_email',
    ],
    [
      'an unverified e-mail address',
      { sub: 'x2', email: 'c.de.vries@meldpunt.test', email_verified: false },
      'unverified_email',
    ],
    ['no e-mail address at all', { sub: 'x3' }, 'unverified_email'],
  ])('refuses %s and audits it', async (_label, claims, reason) => {
    idp.setUser(claims);
    const deniedWhere = { action: 'auth.login', outcome: 'DENIED' as const };
    const before = await db.db.auditEvent.findMany({ where: deniedWhere, select: { id: true } });
    const { cookie, landing } = await oidcSignIn();
    expect(landing).toBe('/login?error=oidc');
    expect((await account(cookie)).status).toBe(307);
    // This sign-in's own audit row: exactly one new refusal.
    const added = await db.db.auditEvent.findMany({
      where: { ...deniedWhere, id: { notIn: before.map((e) => e.id) } },
    });
    expect(added).toHaveLength(1);
    expect(added[0]!.details).toMatchObject({ method: 'oidc', reason });
  });

  it('refuses a deactivated account', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER', active: false });
    idp.setUser({ sub: 'entra-oid-2', email: user.email, email_verified: true });
    const { landing } = await oidcSignIn();
    expect(landing).toBe('/login?error=oidc');
    expect(await db.db.session.count({ where: { userId: user.id } })).toBe(0);
    const html = await (await fetch(`${web.url}${landing}`)).text();
    expect(html).toContain('geen actief meldpost-account');
  });

  it('refuses the same e-mail address from another provider account, in Dutch, audited', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER', email: 'n.peters@meldpunt.test' });
    idp.setUser({ sub: 'entra-oid-peters', email: user.email, email_verified: true, amr: ['mfa'] });
    expect((await oidcSignIn()).landing).toBe('/login');
    expect((await db.db.user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBe(
      'entra-oid-peters',
    );

    idp.setUser({ sub: 'entra-oid-opvolger', email: user.email, email_verified: true, amr: ['mfa'] });
    const { cookie, landing } = await oidcSignIn();
    expect(landing).toBe('/login?error=oidc_account');
    expect((await account(cookie)).status).toBe(307);
    const html = await (await fetch(`${web.url}${landing}`)).text();
    expect(html).toContain('gekoppeld aan een ander account bij');
    const denied = await db.db.auditEvent.findFirstOrThrow({
      where: { objectId: user.id, action: 'auth.login', outcome: 'DENIED' },
    });
    expect(denied.details).toMatchObject({ method: 'oidc', reason: 'other_subject' });
  });

  it("without MFA in the id token: meldpost's own TOTP step, after which the user stays an OIDC user", async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER', email: 'o.jacobs@meldpunt.test' });
    // A generated password never used: an OIDC user is not sent to change it.
    await db.db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    idp.setUser({ sub: 'entra-oid-jacobs', email: user.email, email_verified: true, amr: ['pwd'] });
    const { jar, csrfToken, landing } = await oidcSignIn();
    expect(landing).toBe('/login');
    const login = await fetch(`${web.url}/login`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    expect(login.headers.get('location')).toMatch(/\/login\/tweede-factor$/);
    expect((await account(jar.header())).status).toBe(307);

    const second = jar.keep(
      await fetch(`${web.url}/api/auth/callback/second-factor`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
        body: new URLSearchParams({ csrfToken, json: 'true', code: await totpCode(user) }),
      }),
    );
    expect(second.status).toBe(200);
    expect((await account(jar.header())).status).toBe(200);
  });
});
