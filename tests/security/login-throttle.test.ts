/**
 * Attacks on the sign-in limits over HTTP against the real app (`next start` with the
 * client-address preload, real PostgreSQL), with TRUSTED_PROXIES at its default 0:
 * - 200 wrong passwords in parallel: before the fix the lock was read before any failure was
 *   written, and 135 were evaluated; now at most 5 are, and then the right password is refused.
 * - the password-change form's current-password check (called as the server action calls it):
 *   before, it was not limited at all; now the same limit applies.
 * - a fresh X-Forwarded-For per request: before, each value was its own "IP" (no IP lock ever,
 *   and anyone could lock out any address by naming it); now the socket's address counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { changePassword } from '../../lib/auth/change-password';
import { LOGIN_MESSAGES } from '../../lib/auth/login-throttle';
import { CookieJar, createUserWithTotp } from '../support/sign-in';
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

/** One password step from a fresh client; returns NextAuth's error code (null: signed in). */
async function passwordStep(email: string, password: string, forwardedFor?: string): Promise<string | null> {
  const jar = new CookieJar();
  const extra: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const csrf = await fetch(`${web.url}/api/auth/csrf`, { headers: extra }).then((res) => jar.keep(res));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${web.url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...extra },
    body: new URLSearchParams({ csrfToken, json: 'true', email, password }),
  });
  const body = (await res.json()) as { url: string };
  return new URL(body.url).searchParams.get('error');
}

/** Password checks that really ran for this account: wrong ones audited as invalid, plus successes. */
async function evaluated(userId: string): Promise<{ wrong: number; right: number }> {
  const rows = await db.db.auditEvent.findMany({ where: { action: 'auth.login', objectId: userId } });
  return {
    wrong: rows.filter((row) => (row.details as { reason?: string }).reason === 'invalid').length,
    right: rows.filter((row) => row.outcome === 'SUCCESS').length,
  };
}

describe('parallel guessing', () => {
  it('evaluates at most 5 of 200 parallel wrong passwords, then refuses the right one', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
    const errors = await Promise.all(
      Array.from({ length: 200 }, (_, i) => passwordStep(user.email, `Fout-wachtwoord-${i}`)),
    );
    // Refused or wrong, nothing else (no transaction time-outs under the flood).
    expect(errors.filter((error) => error !== 'invalid' && error !== 'locked')).toEqual([]);
    expect((await evaluated(user.id)).wrong).toBeLessThanOrEqual(5);
    expect(await passwordStep(user.email, user.password)).toBe('locked');
    expect(await evaluated(user.id)).toEqual({ wrong: expect.any(Number), right: 0 });
    expect(await db.db.session.count({ where: { userId: user.id } })).toBe(0);
  }, 300_000);

  it('limits the current-password check of the password-change form the same way', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
    const session = await db.db.session.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), mfaVerifiedAt: new Date() },
    });
    const actor = { id: user.id, label: user.email, ip: '192.0.2.7', userAgent: null };
    const change = (current: string) =>
      changePassword({
        db: db.db,
        sessionId: session.id,
        current,
        next: 'Een-heel-nieuw-wachtwoord-42',
        actor,
      });
    const tries = await Promise.all(Array.from({ length: 40 }, (_, i) => change(`Fout-huidig-${i}`)));
    expect(tries.every((result) => !result.ok)).toBe(true);
    // Parallel attempts beyond the one being checked are refused unchecked ('busy'), so the burst
    // may not have reached the limit yet: go on one at a time until the lock answers.
    for (let i = 0; i < 10; i += 1) {
      const result = await change(`Fout-daarna-${i}`);
      if (!result.ok && result.message === LOGIN_MESSAGES.locked) break;
    }
    const wrongChecks = await db.db.auditEvent.count({
      where: {
        action: 'auth.password.change',
        objectId: user.id,
        details: { path: ['reason'], equals: 'invalid_current' },
      },
    });
    expect(wrongChecks).toBe(5);
    expect(await change(user.password)).toEqual({ ok: false, message: LOGIN_MESSAGES.locked });
  });
});

describe('X-Forwarded-For', () => {
  it('a new forged address per request neither dodges the IP lock nor lands in the audit log', async () => {
    // Failures of the tests above came from this socket address too and count towards its lock.
    const earlier = await db.db.loginAttempt.count({ where: { ip: '127.0.0.1', success: false } });
    const errors: (string | null)[] = [];
    for (let i = 0; i < 25; i++)
      errors.push(await passwordStep(`gok${i}@meldpunt.test`, 'Welkom01!', `203.0.113.${i}`));
    // The 20th failure from the address locks it.
    expect(errors).toEqual([...Array(19 - earlier).fill('invalid'), ...Array(6 + earlier).fill('locked')]);
    const ipLock = await db.db.auditEvent.findMany({
      where: { action: 'auth.lockout', objectType: 'system' },
    });
    expect(ipLock.map((row) => row.ip)).toEqual(['127.0.0.1']);
    const forged = await db.db.auditEvent.count({ where: { ip: { startsWith: '203.0.113.' } } });
    expect(forged).toBe(0);
  }, 300_000);
});
