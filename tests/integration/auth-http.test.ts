/**
 * Sign-in and sessions over plain HTTP against the real app (`next start`, real PostgreSQL):
 * the two steps, what a half-signed-in session reaches, cookies and headers, lockout per account
 * and per IP with their audit rows, logout, deactivation, idle timeout and absolute lifetime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { createUserWithTotp, signInHttp, totpCode } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

let db: TTestDb;
let web: TWeb;

beforeAll(async () => {
  db = await createTestDb();
  web = await startWeb({ databaseUrl: db.url });
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await db?.drop();
});

/** A cookie jar for one client, with its own (claimed) IP address. */
function client(ip: string) {
  const jar = new Map<string, string>();
  let csrfToken = '';
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  const get = (path: string) => fetch(`${web.url}${path}`, { redirect: 'manual', headers: { cookie: cookie(), 'x-forwarded-for': ip } }).then(keep);
  const step = async (provider: string, fields: Record<string, string>) => {
    if (!csrfToken) csrfToken = ((await (await get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    const res = await fetch(`${web.url}/api/auth/callback/${provider}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), 'x-forwarded-for': ip },
      body: new URLSearchParams({ csrfToken, json: 'true', ...fields }),
    }).then(keep);
    const body = (await res.json()) as { url: string };
    return { status: res.status, error: new URL(body.url).searchParams.get('error'), setCookies: res.headers.getSetCookie() };
  };
  return { get, step, cookie, jar };
}

const auditRows = (action: string, actorId?: string) =>
  db.db.auditEvent.findMany({ where: { action, ...(actorId ? { actorId } : {}) }, orderBy: { id: 'asc' } });

describe('two-step sign-in over HTTP', () => {
  it('password alone reaches only the second-factor page; the code opens the dashboard with a new session id', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
    const c = client('10.0.0.1');
    const first = await c.step('credentials', { email: user.email, password: user.password });
    expect(first.status).toBe(200);
    const cookieLine = first.setCookies.find((s) => s.includes('session-token'))!;
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);
    expect(cookieLine).not.toMatch(/Secure/); // http://127.0.0.1: Secure only on an https site
    const dash = await c.get('/');
    expect(dash.status).toBe(307);
    expect(dash.headers.get('location')).toMatch(/\/login$/);
    const login = await c.get('/login');
    expect(login.headers.get('location')).toMatch(/\/login\/tweede-factor$/);
    const pending = await db.db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
    expect(pending.mfaVerifiedAt).toBeNull();

    const second = await c.step('second-factor', { code: await totpCode(user) });
    expect(second.status).toBe(200);
    expect((await c.get('/')).status).toBe(200);
    const sessions = await db.db.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.revokedAt).not.toBeNull();
    expect(sessions[1]!.mfaVerifiedAt).not.toBeNull();
    expect((await auditRows('auth.login', user.id)).map((a) => a.outcome)).toEqual(['SUCCESS']);
    expect((await auditRows('auth.mfa', user.id)).map((a) => a.outcome)).toEqual(['SUCCESS']);
  });

  it('the helper signs in and the security headers are on the sign-in pages', async () => {
    const user = await createUserWithTotp(db.db, { role: 'COORDINATOR' });
    const cookie = await signInHttp(web.url, user);
    expect((await fetch(`${web.url}/`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    for (const path of ['/login', '/login/tweede-factor']) {
      const res = await fetch(`${web.url}${path}`, { redirect: 'manual' });
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });
});
