/**
 * Sign-in in Chromium against the real app: first sign-in with a generated password → TOTP
 * enrolment with a QR code → recovery codes → forced password change → dashboard; then TOTP,
 * a wrong code, a recovery code (once), logout, "alle sessies beëindigen" and deactivation.
 */
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { createUser } from '../../lib/users/create-user';
import type { TTestDb } from '../support/db';
import { createUserWithTotp, signInBrowser, totpCode } from '../support/sign-in';
import type { TWeb } from '../support/web';
import { startWebApp } from '../support/web-app';

let db: TTestDb;
let web: TWeb;
let browser: Browser;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ t: db, web, browser, stop } = await startWebApp());
}, 600_000);

afterAll(() => stop?.());

/** A fresh browser context (its own cookies) and a page that collects CSP violations and script errors. */
async function freshPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()),
  );
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto(`${web.url}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Waits for the form's error message (Next's route announcer is an alert too, hence the p). */
const alert = (page: Page, text: string) => page.locator('p[role=alert]', { hasText: text }).waitFor();
const path = (page: Page) => new URL(page.url()).pathname;
const actions = async (userId: string) =>
  (
    await db.db.auditEvent.findMany({
      where: { actorId: userId, action: { startsWith: 'auth.' } },
      orderBy: { id: 'asc' },
    })
  ).map((a) => `${a.action}:${a.outcome}`);

describe('sign-in in Chromium', () => {
  it('first sign-in: enrolment with QR code and secret, recovery codes once, forced password change, dashboard', async () => {
    const created = await createUser({
      db: db.db,
      actor: SYSTEM_ACTOR('test'),
      email: 'nieuw@meldpunt.test',
      role: 'MEDEWERKER',
      name: 'Nieuwe Medewerker',
    });
    const { page, problems } = await freshPage();
    await passwordStep(page, created.email, created.password);
    await page.waitForURL((u) => u.pathname === '/login/koppelen');
    const qr = await page.getByAltText(/QR-code/).getAttribute('src');
    expect(qr).toMatch(/^data:image\/png;base64,/);
    await expect(
      page.getByAltText(/QR-code/).evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).resolves.toBeGreaterThan(100);
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Reloading shows the same secret (the user may have scanned it already).
    await page.reload();
    expect((await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '')).toBe(secret);
    const stored = await db.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.mfaSecretEnc).toMatch(/^v2:/); // bound to this user and purpose
    expect(stored.mfaSecretEnc).not.toContain(secret);
    expect(stored.mfaEnrolledAt).toBeNull();

    // A wrong code first, then the right one.
    await page.getByLabel('Code uit de app').fill('000000');
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await alert(page, 'De code klopt niet');
    await page.getByLabel('Code uit de app').fill(await totpCode({ totpSecret: secret }, web.clock));
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) =>
      c.trim(),
    );
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const enrolled = await db.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(enrolled.mfaEnrolledAt).not.toBeNull();
    expect(enrolled.recoveryCodeHashes).toHaveLength(10);
    expect(enrolled.recoveryCodeHashes.join()).not.toContain(codes[0]!.replace(/-/g, ''));
    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).click();

    // The generated password must be replaced before anything else.
    await page.waitForURL((u) => u.pathname === '/login/wachtwoord');
    await page.goto(`${web.url}/account`);
    expect(path(page)).toBe('/login/wachtwoord');
    const fill = async (current: string, next: string, repeat = next) => {
      await page.getByLabel('Huidig wachtwoord').fill(current);
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(next);
      await page.getByLabel('Herhaal nieuw wachtwoord').fill(repeat);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    };
    await fill(created.password, 'kort');
    await alert(page, 'minstens 12 tekens');
    await fill(created.password, created.password);
    await alert(page, 'ander wachtwoord');
    await fill(created.password, 'Een-eigen-wachtwoord-2026', 'Een-ander-wachtwoord-2026');
    await alert(page, 'niet gelijk');
    await fill(created.password, 'Een-eigen-wachtwoord-2026');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${web.url}/account`);
    await page.getByRole('heading', { name: 'Mijn account' }).waitFor();
    expect((await db.db.user.findUniqueOrThrow({ where: { id: created.id } })).mustChangePassword).toBe(
      false,
    );
    expect(problems).toEqual([]);

    // A second sign-in: password, then a TOTP code computed from the secret.
    const second = await freshPage();
    await signInBrowser(second.page, web.url, {
      email: created.email,
      password: 'Een-eigen-wachtwoord-2026',
      totpSecret: secret,
    });
    expect(path(second.page)).not.toMatch(/^\/login/);
    expect(await actions(created.id)).toEqual([
      'auth.login:SUCCESS',
      'auth.mfa.enrol:DENIED',
      'auth.mfa.enrol:SUCCESS',
      'auth.password.change:SUCCESS',
      'auth.login:SUCCESS',
      'auth.mfa:SUCCESS',
    ]);
  });

  it('refuses a wrong TOTP code; a recovery code works exactly once', async () => {
    const user = await createUserWithTotp(db.db, { role: 'BEHEERDER' });
    const { page } = await freshPage();
    await passwordStep(page, user.email, user.password);
    await page.waitForURL((u) => u.pathname === '/login/tweede-factor');
    // A code from ten minutes ago: a real code, but no longer valid.
    await page
      .getByLabel('Code of herstelcode')
      .fill(await generate({ secret: user.totpSecret, epoch: Math.floor(web.clock.now() / 1000) - 600 }));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await alert(page, 'De code klopt niet');
    expect(path(page)).toBe('/login/tweede-factor');
    // Signed in only halfway: the dashboard is out of reach.
    await page.goto(`${web.url}/account`);
    expect(path(page)).toBe('/login/tweede-factor');

    await page.getByLabel('Code of herstelcode').fill(user.recoveryCodes[3]!.toLowerCase());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect((await db.db.user.findUniqueOrThrow({ where: { id: user.id } })).recoveryCodeHashes).toHaveLength(
      9,
    );

    const again = await freshPage();
    await passwordStep(again.page, user.email, user.password);
    await again.page.waitForURL((u) => u.pathname === '/login/tweede-factor');
    await again.page.getByLabel('Code of herstelcode').fill(user.recoveryCodes[3]!);
    await again.page.getByRole('button', { name: 'Bevestigen' }).click();
    await alert(again.page, 'De code klopt niet');
    const mfa = await db.db.auditEvent.findMany({
      where: { actorId: user.id, action: 'auth.mfa' },
      orderBy: { id: 'asc' },
    });
    expect(mfa.map((a) => a.outcome)).toEqual(['DENIED', 'SUCCESS', 'DENIED']);
    expect(mfa[1]!.details).toMatchObject({ method: 'recovery', recoveryCodesLeft: 9 });
    // Nothing secret in the audit trail.
    const trail = JSON.stringify(
      await db.db.auditEvent.findMany({ where: { actorId: user.id }, omit: { id: true } }),
    );
    for (const secretish of [user.password, user.totpSecret, user.recoveryCodes[3]!])
      expect(trail).not.toContain(secretish);
  });

  it('logout revokes the session; "alle sessies beëindigen" and deactivation take effect on the next request', async () => {
    const user = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
    const a = await freshPage();
    const b = await freshPage();
    const c = await freshPage();
    await signInBrowser(a.page, web.url, user);
    await signInBrowser(b.page, web.url, user);
    await signInBrowser(c.page, web.url, user);

    // Logout in C: its row is revoked, and C is signed out.
    await c.page.goto(`${web.url}/uitloggen`);
    await c.page.getByRole('button', { name: 'Uitloggen' }).click();
    await c.page.waitForURL((u) => u.pathname === '/login');
    await c.page.goto(`${web.url}/account`);
    expect(path(c.page)).toBe('/login');
    expect(await db.db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(2);

    // The account page lists the two open sessions; ending all of them signs out A and B.
    await a.page.goto(`${web.url}/account`);
    await expect(a.page.getByTestId('session-row').count()).resolves.toBe(2);
    await expect(a.page.getByText('deze sessie').count()).resolves.toBe(1);
    await a.page.getByRole('button', { name: 'Alle sessies beëindigen' }).click();
    await a.page.waitForURL((u) => u.pathname === '/login');
    await b.page.goto(`${web.url}/account`);
    expect(path(b.page)).toBe('/login');

    // Deactivation: an open session is refused on its next request.
    await signInBrowser(a.page, web.url, user);
    await a.page.goto(`${web.url}/account`);
    expect(path(a.page)).toBe('/account');
    await db.db.user.update({ where: { id: user.id }, data: { active: false } });
    await a.page.goto(`${web.url}/account`);
    expect(path(a.page)).toBe('/login');

    const trail = await actions(user.id);
    expect(trail).toContain('auth.logout:SUCCESS');
    expect(trail).toContain('auth.sessions.end:SUCCESS');
    // Four sign-ins of one user need four distinct TOTP steps (replay protection): the sign-in
    // helper moves the app's clock to the next step instead of waiting for it.
  });
});
