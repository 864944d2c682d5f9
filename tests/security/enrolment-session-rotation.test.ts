/**
 * Attack: session fixation across TOTP enrolment. Whoever knows a session id (cookie) from before
 * enrolment — planted in the victim's browser, or read off a shared machine while the new user
 * was at the "koppelen" page — waits until the user links the app. Before the fix enrolment
 * marked that same session as MFA-verified, so the old cookie now opened the dashboard without
 * any second factor. Now enrolment replaces the session (new id, as the second-factor step does)
 * and hands the browser a new cookie; the old one is dead.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { confirmTotpEnrolment } from '../../lib/auth/confirm-totp-enrolment';
import { liveSessionWhere } from '../../lib/auth/session-stage';
import { startTotpEnrolment } from '../../lib/auth/start-totp-enrolment';
import { createUser } from '../../lib/users/create-user';
import { launchBrowser } from '../support/browser';
import { createTestDb, type TTestDb } from '../support/db';
import { totpCode } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

let t: TTestDb;
let web: TWeb;
let browser: Browser;

beforeAll(async () => {
  t = await createTestDb();
  web = await startWeb({ databaseUrl: t.url });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await t?.drop();
});

const live = (id: string) =>
  t.db.session.findFirst({ where: { id, ...liveSessionWhere(new Date(), 3_600_000) } });

describe('TOTP enrolment rotates the session id', () => {
  it('the verb revokes the pre-enrolment session and returns a new, MFA-verified one', async () => {
    const created = await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR('test'),
      email: 'l.koster@meldpunt.test',
      role: 'MEDEWERKER',
      name: 'Lotte Koster',
    });
    const before = await t.db.session.create({
      data: { userId: created.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const { secret } = (await startTotpEnrolment({ db: t.db, sessionId: before.id }))!;
    const result = await confirmTotpEnrolment({
      db: t.db,
      sessionId: before.id,
      code: await totpCode({ totpSecret: secret }),
      ip: null,
      userAgent: null,
    });
    if (!result.ok) throw new Error(`enrolment refused: ${result.reason}`);
    expect(result.sessionId).not.toBe(before.id);
    expect(await live(before.id)).toBeNull();
    const after = await live(result.sessionId);
    expect(after?.mfaVerifiedAt).not.toBeNull();
    expect(after?.expiresAt).toEqual(before.expiresAt);
  });

  it('in the browser: the cookie from before enrolment no longer works afterwards, the new one does', async () => {
    const created = await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR('test'),
      email: 'm.hendriks@meldpunt.test',
      role: 'MEDEWERKER',
      name: 'Mees Hendriks',
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.url}/login`);
    await page.getByLabel('E-mailadres').fill(created.email);
    await page.getByLabel('Wachtwoord').fill(created.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((u) => u.pathname === '/login/koppelen');
    const sessionCookie = async () =>
      (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'))!;
    const stolen = await sessionCookie();

    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code uit de app').fill(await totpCode({ totpSecret: secret }));
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    const fresh = await sessionCookie();
    expect(fresh.value).not.toBe(stolen.value);

    const home = (cookie: { name: string; value: string }) =>
      fetch(`${web.url}/`, { redirect: 'manual', headers: { cookie: `${cookie.name}=${cookie.value}` } });
    // The old cookie: signed out. The new one: past the second factor, on to the password change.
    expect((await home(stolen)).headers.get('location')).toMatch(/\/login$/);
    expect((await home(fresh)).headers.get('location')).toMatch(/\/login\/wachtwoord$/);

    // The recovery codes stayed on screen through the swap, and the way on still works.
    await expect(page.getByTestId('recovery-codes').locator('li').count()).resolves.toBe(10);
    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).click();
    await page.waitForURL((u) => u.pathname === '/login/wachtwoord');
    await context.close();
  });
});
