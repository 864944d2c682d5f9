/**
 * OpenID Connect sign-in against a local provider (discovery, authorize, token with an RS256
 * id_token, JWKS): a verified e-mail address of an existing active account signs in with that
 * account's role; unknown, unverified and deactivated ones are refused and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { startOidcProvider, type TOidcProvider } from '../support/oidc-provider';
import { CookieJar, createUserWithTotp } from '../support/sign-in';
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
async function oidcSignIn(): Promise<{ cookie: string; landing: string }> {
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
    idp.setUser({ sub: 'entra-oid-1', email: 'C.de.Vries@meldpunt.test', email_verified: true });
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
});
