/**
 * Signed-in users for browser and HTTP tests (the real sign-in: password, then TOTP).
 *
 *   const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
 *   //   → { id, email, name, role, password, totpSecret, recoveryCodes } — enrolled, no forced
 *   //     password change; options: { role, email?, name?, active? }
 *   const cookie = await signInHttp(web.url, user);          // 'next-auth.session-token=…' for fetch
 *   await fetch(`${web.url}/`, { headers: { cookie } });
 *   await signInBrowser(page, web.url, user);                // playwright Page, ends on the dashboard
 *   const code = await totpCode(user, web.clock);            // a fresh TOTP code (replay-safe)
 *   const jar = new CookieJar(); jar.keep(await fetch(…)); jar.header();   // cookies by hand
 *
 * The server refuses a TOTP code of a time step the user already used (replay protection), so
 * `totpCode` hands out each step once per user; when a user signs in more than twice within half
 * a minute it moves the web app's clock (tests/support/web.ts) to the next step, or, for an app
 * without one, waits (≤ 30 s). `signInHttp` and `signInBrowser` use the clock of the app at their URL. `signInHttp` sends no X-Forwarded-For: all sign-ins of
 * a test process count as one IP address (20 failures in 15 minutes lock it).
 */
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { encryptSecret } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import { hashPassword } from '../../lib/auth/password';
import { hashRecoveryCode, newRecoveryCodes } from '../../lib/auth/recovery-codes';
import { newTotpSecret, TOTP_PERIOD_SEC } from '../../lib/auth/totp';
import type { TDb } from '../../lib/db/client';
import type { Role } from '../../lib/db/generated/enums';
import { testClockOf, type TTestClock } from './web';

export type TTestUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  totpSecret: string;
  recoveryCodes: string[];
};

/** An active user with a known password and an enrolled TOTP secret (mustChangePassword false). */
export async function createUserWithTotp(
  db: TDb,
  opts: { role: Role; email?: string; name?: string; active?: boolean },
): Promise<TTestUser> {
  const tag = randomBytes(4).toString('hex');
  const email = (opts.email ?? `${opts.role.toLowerCase()}-${tag}@meldpunt.test`).toLowerCase();
  const name = opts.name ?? `Test ${opts.role.toLowerCase()} ${tag}`;
  const password = `Wachtwoord-${randomBytes(9).toString('base64url')}`;
  const totpSecret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  const user = await db.user.create({
    data: {
      email,
      name,
      role: opts.role,
      passwordHash: await hashPassword(password),
      mustChangePassword: false,
      mfaSecretEnc: encryptSecret(totpSecret, getKeyring()),
      mfaEnrolledAt: new Date(),
      recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
      active: opts.active ?? true,
    },
  });
  return { id: user.id, email, name, role: opts.role, password, totpSecret, recoveryCodes };
}

const lastStep = new Map<string, number>();

/**
 * A TOTP code for a time step this user has not used yet (the server accepts one step of drift),
 * by the web app's `clock` when given (else the wall clock).
 */
export async function totpCode(user: Pick<TTestUser, 'totpSecret'>, clock?: TTestClock): Promise<string> {
  const nowStep = () => Math.floor((clock?.now() ?? Date.now()) / 1000 / TOTP_PERIOD_SEC);
  const target = Math.max(nowStep(), (lastStep.get(user.totpSecret) ?? -1) + 1);
  // target may be the next step (valid now by the drift allowance); one further: move the app's
  // clock into it, or wait for the wall clock.
  if (clock && target > nowStep() + 1) clock.advance((target - nowStep()) * TOTP_PERIOD_SEC * 1000);
  while (target > nowStep() + 1) await new Promise((r) => setTimeout(r, 250));
  lastStep.set(user.totpSecret, target);
  return generate({ secret: user.totpSecret, epoch: target * TOTP_PERIOD_SEC });
}

/** The cookies one HTTP client holds: `keep(res)` takes a response's Set-Cookie lines (and returns it). */
export class CookieJar {
  private readonly jar = new Map<string, string>();
  keep(res: Response): Response {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const [k, v] = [pair!.slice(0, i), pair!.slice(i + 1)];
      if (v === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.jar.delete(k);
      else this.jar.set(k, v);
    }
    return res;
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** next-auth's flow over plain HTTP: CSRF token, password step, second step. Returns the Cookie header. */
export async function signInHttp(
  webUrl: string,
  user: Pick<TTestUser, 'email' | 'password' | 'totpSecret'>,
): Promise<string> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${webUrl}/api/auth/csrf`);
  jar.keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const post = async (provider: string, fields: Record<string, string>) => {
    const res = await fetch(`${webUrl}/api/auth/callback/${provider}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams({ csrfToken, json: 'true', ...fields }),
    });
    jar.keep(res);
    if (!res.ok)
      throw new Error(`sign-in step ${provider} failed for ${user.email}: ${res.status} ${await res.text()}`);
  };
  await post('credentials', { email: user.email, password: user.password });
  await post('second-factor', { code: await totpCode(user, testClockOf(webUrl)) });
  return jar.header();
}

/** Signs in through the real pages in Chromium; resolves on the dashboard. */
export async function signInBrowser(
  page: Page,
  webUrl: string,
  user: Pick<TTestUser, 'email' | 'password' | 'totpSecret'>,
): Promise<void> {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(user.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((u) => u.pathname === '/login/tweede-factor');
  await page.getByLabel('Code of herstelcode').fill(await totpCode(user, testClockOf(webUrl)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
