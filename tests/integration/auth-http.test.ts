/**
 * Sign-in and sessions over plain HTTP against the real app (`next start`, real PostgreSQL):
 * the two steps, what a half-signed-in session reaches, cookies and headers, lockout per account
 * and per IP with their audit rows, logout, deactivation, idle timeout and absolute lifetime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { CookieJar, createUserWithTotp, signInHttp, totpCode } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

let db: TTestDb;
let web: TWeb;

beforeAll(async () => {
  db = await createTestDb();
  // The test plays the reverse proxy: its X-Forwarded-For names each client's address.
  web = await startWeb({ databaseUrl: db.url, env: { TRUSTED_PROXIES: '1' } });
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await db?.drop();
});

/** A cookie jar for one client, with its own (claimed) IP address. */
function client(ip: string) {
  const jar = new CookieJar();
  let csrfToken = '';
  const cookie = () => jar.header();
  const keep = (res: Response) => jar.keep(res);
  const get = (path: string) =>
    fetch(`${web.url}${path}`, {
      redirect: 'manual',
      headers: { cookie: cookie(), 'x-forwarded-for': ip },
    }).then(keep);
  const step = async (provider: string, fields: Record<string, string>) => {
    if (!csrfToken)
      csrfToken = ((await (await get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    const res = await fetch(`${web.url}/api/auth/callback/${provider}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookie(),
        'x-forwarded-for': ip,
      },
      body: new URLSearchParams({ csrfToken, json: 'true', ...fields }),
    }).then(keep);
    const body = (await res.json()) as { url: string };
    return {
      status: res.status,
      error: new URL(body.url).searchParams.get('error'),
      setCookies: res.headers.getSetCookie(),
    };
  };
  return { get, step };
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
    expect(dash.headers.get('location')).toMatch(/\/login(\/tweede-factor)?$/);
    const login = await c.get('/login');
    expect(login.headers.get('location')).toMatch(/\/login\/tweede-factor$/);
    const pending = await db.db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
    expect(pending.mfaVerifiedAt).toBeNull();

    const second = await c.step('second-factor', { code: await totpCode(user, web.clock) });
    expect(second.status).toBe(200);
    expect((await c.get('/account')).status).toBe(200);
    const sessions = await db.db.session.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.revokedAt).not.toBeNull();
    expect(sessions[1]!.mfaVerifiedAt).not.toBeNull();
    expect((await auditRows('auth.login', user.id)).map((a) => a.outcome)).toEqual(['SUCCESS']);
    expect((await auditRows('auth.mfa', user.id)).map((a) => a.outcome)).toEqual(['SUCCESS']);
  });

  it('the helper signs in and the security headers are on the sign-in pages', async () => {
    const user = await createUserWithTotp(db.db, { role: 'COORDINATOR' });
    const cookie = await signInHttp(web.url, user);
    expect((await fetch(`${web.url}/account`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    for (const path of ['/login', '/login/tweede-factor']) {
      const res = await fetch(`${web.url}${path}`, { redirect: 'manual' });
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });
});

describe('throttling and lockout', () => {
  it('locks an account after 5 failures in 15 minutes, audits it once, and answers an unknown address the same way', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
    const known = client('10.1.0.1');
    const unknown = client('10.1.0.2');
    const errors = { known: [] as (string | null)[], unknown: [] as (string | null)[] };
    for (let i = 0; i < 5; i++) {
      errors.known.push(
        (await known.step('credentials', { email: user.email, password: `fout-${i}` })).error,
      );
      errors.unknown.push(
        (await unknown.step('credentials', { email: 'niemand@meldpunt.test', password: `fout-${i}` })).error,
      );
    }
    expect(errors.known).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
    expect(errors.unknown).toEqual(errors.known);
    // Locked: even the right password is refused, without saying so differently.
    const right = await known.step('credentials', { email: user.email, password: user.password });
    expect([right.status, right.error]).toEqual([401, 'locked']);
    expect(right.setCookies.some((c) => c.includes('session-token'))).toBe(false);
    const row = await db.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const lockouts = await db.db.auditEvent.findMany({
      where: { action: 'auth.lockout' },
      orderBy: { id: 'asc' },
    });
    expect(
      lockouts.filter((a) => a.objectId === user.id).map((a) => (a.details as { scope: string }).scope),
    ).toEqual(['account']);
    expect(lockouts.filter((a) => a.objectId === null && a.ip === '10.1.0.2')).toHaveLength(1);
    const denied = await db.db.auditEvent.findMany({
      where: { action: 'auth.login', actorId: user.id, outcome: 'DENIED' },
    });
    expect(denied).toHaveLength(6);
    expect(denied.every((a) => a.ip === '10.1.0.1')).toBe(true);
    expect(JSON.stringify(denied.map((a) => a.details))).not.toContain('fout-');
  });

  it('wrong second-factor codes count towards the same lock', async () => {
    const user = await createUserWithTotp(db.db, { role: 'COORDINATOR' });
    const c = client('10.3.0.1');
    expect((await c.step('credentials', { email: user.email, password: user.password })).status).toBe(200);
    const errors: (string | null)[] = [];
    for (let i = 0; i < 5; i++) errors.push((await c.step('second-factor', { code: '00000' + i })).error);
    expect(errors).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
    expect((await c.step('second-factor', { code: await totpCode(user, web.clock) })).error).toBe('locked');
    expect((await c.get('/account')).status).toBe(307);
    expect(await db.db.auditEvent.count({ where: { action: 'auth.lockout', objectId: user.id } })).toBe(1);
  });

  it('locks an IP address after 20 failures on any accounts; other addresses still sign in', async () => {
    const user = await createUserWithTotp(db.db, { role: 'BEHEERDER' });
    const attacker = client('10.2.0.1');
    const errors: (string | null)[] = [];
    for (let i = 0; i < 20; i++)
      errors.push(
        (await attacker.step('credentials', { email: `gok${i}@meldpunt.test`, password: 'Welkom01!' })).error,
      );
    expect(errors.slice(0, 19).every((e) => e === 'invalid')).toBe(true);
    expect(errors[19]).toBe('locked');
    expect((await attacker.step('credentials', { email: user.email, password: user.password })).error).toBe(
      'locked',
    );
    const ipLock = await db.db.auditEvent.findMany({ where: { action: 'auth.lockout', ip: '10.2.0.1' } });
    expect(ipLock.map((a) => (a.details as { scope: string }).scope)).toEqual(['ip']);
    const elsewhere = client('10.2.0.2');
    expect((await elsewhere.step('credentials', { email: user.email, password: user.password })).status).toBe(
      200,
    );
  });
});

describe('session lifetime from the environment', () => {
  // A web app of its own, so that moving its clock (tests/support/web.ts) touches no other test.
  let clocked: TWeb;
  beforeAll(async () => {
    clocked = await startWeb({
      databaseUrl: db.url,
      env: { SESSION_IDLE_MIN: '20', SESSION_MAX_HOURS: '2' },
    });
  }, 600_000);
  afterAll(async () => {
    await clocked?.stop();
  });
  const minutes = (n: number) => n * 60_000;
  const status = async (cookie: string) =>
    (await fetch(`${clocked.url}/account`, { headers: { cookie }, redirect: 'manual' })).status;

  it('ends a session after the idle timeout', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
    const cookie = await signInHttp(clocked.url, user);
    expect(await status(cookie)).toBe(200);
    clocked.clock.advance(minutes(19));
    expect(await status(cookie)).toBe(200);
    clocked.clock.advance(minutes(21));
    expect(await status(cookie)).toBe(307);
  });

  it('ends an active session at its absolute lifetime', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
    const cookie = await signInHttp(clocked.url, user);
    const row = await db.db.session.findFirstOrThrow({ where: { userId: user.id, revokedAt: null } });
    // Its end is the password step's plus 2 hours (the second factor keeps it).
    const lifetime = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(lifetime).toBeLessThanOrEqual(minutes(120));
    expect(lifetime).toBeGreaterThan(minutes(119));
    // Kept alive within the idle timeout all along (every 15 minutes), refused once 2 hours passed.
    const seen: number[] = [];
    while (clocked.clock.now() < row.expiresAt.getTime() + minutes(1)) {
      seen.push(await status(cookie));
      clocked.clock.advance(minutes(15));
    }
    expect(seen.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(seen.length).toBeGreaterThan(7);
    expect(seen.at(-1)).toBe(307);
  });
});
