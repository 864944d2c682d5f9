/**
 * WCAG 2.1 AA, measured: every page of every role (tests/e2e/pages-by-role.ts) in Chromium against
 * the real app, checked by axe-core for the WCAG 2.0/2.1 A and AA rules, with every collapsible
 * panel opened. Zero violations is the bar. The sign-in steps a person passes through (password,
 * second factor, enrolment with QR code, recovery codes) are checked on the way.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { createUser } from '../../lib/users/create-user';
import { axeViolations } from '../support/axe';
import type { TTestDb } from '../support/db';
import { seedMailbox, seedMelding } from '../support/melding-seed';
import { createUserWithTotp, signInBrowser, totpCode, type TTestUser } from '../support/sign-in';
import { seedStatsDataset } from '../support/stats-dataset';
import type { TWeb } from '../support/web';
import { startWebApp } from '../support/web-app';
import { PAGES_BY_ROLE, type TPageRole, type TSeeded } from './pages-by-role';

let t: TTestDb;
let web: TWeb;
let browser: Browser;
let stop: () => Promise<void>;
let seeded: TSeeded;
const users = {} as Record<Exclude<TPageRole, 'afgemeld'>, TTestUser>;

beforeAll(async () => {
  ({ t, web, browser, stop } = await startWebApp({
    seed: async (t) => {
      await seedStatsDataset(t.db);
      await refreshStatistieken({ db: t.db });
      const mailbox = await seedMailbox(t.db);
      const open = await seedMelding(t.db, {
        mailboxId: mailbox.id,
        warnings: [{ field: 'betrokkene.bsn', message: 'BSN voldoet niet aan de elfproef' }],
      });
      const closed = await seedMelding(t.db, { mailboxId: mailbox.id, withMail: false });
      await t.db.melding.update({
        where: { id: closed.id },
        data: { status: 'AFGEROND', uitkomst: 'GEEN_VERVOLG', closedAt: new Date() },
      });
      seeded = { meldingId: open.id, closedMeldingId: closed.id, mailboxId: mailbox.id };
    },
  }));
  users.medewerker = await createUserWithTotp(t.db, { role: 'MEDEWERKER', name: 'Mila Medewerker' });
  users.coordinator = await createUserWithTotp(t.db, { role: 'COORDINATOR', name: 'Cor Coördinator' });
  users.beheerder = await createUserWithTotp(t.db, { role: 'BEHEERDER', name: 'Bea Beheerder' });
}, 600_000);

afterAll(() => stop?.());

async function check(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  const violations = await axeViolations(page);
  expect(violations, `axe-core on ${what}`).toEqual([]);
}

describe('axe-core, WCAG 2.0/2.1 A and AA, per role and page', () => {
  it('the measure itself finds violations where there are some', async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body><img src="x.png"><input type="text"></body></html>');
    const violations = (await axeViolations(page)).map((v) => v.split(':')[0]);
    await page.close();
    expect(violations).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'label']));
  });

  it('the sign-in steps: password, enrolment (QR code, then recovery codes), second factor', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.url}/login`);
    await check(page, '/login');
    const created = await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR('test'),
      email: 'axe-nieuw@meldpunt.test',
      role: 'MEDEWERKER',
      name: 'Noor Nieuw',
    });
    await page.getByLabel('E-mailadres').fill(created.email);
    await page.getByLabel('Wachtwoord').fill(created.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((u) => u.pathname === '/login/koppelen');
    await check(page, '/login/koppelen');
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code uit de app').fill(await totpCode({ totpSecret: secret }, web.clock));
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await check(page, '/login/koppelen (herstelcodes)');
    await context.close();

    const second = await browser.newContext();
    const secondPage = await second.newPage();
    await secondPage.goto(`${web.url}/login`);
    await secondPage.getByLabel('E-mailadres').fill(users.medewerker.email);
    await secondPage.getByLabel('Wachtwoord').fill(users.medewerker.password);
    await secondPage.getByRole('button', { name: 'Inloggen' }).click();
    await secondPage.waitForURL((u) => u.pathname === '/login/tweede-factor');
    await check(secondPage, '/login/tweede-factor');
    await second.close();
  });

  for (const [role, pages] of Object.entries(PAGES_BY_ROLE) as [TPageRole, typeof PAGES_BY_ROLE.afgemeld][]) {
    it(`every page of ${role}`, async () => {
      const context: BrowserContext = await browser.newContext();
      const page = await context.newPage();
      if (role !== 'afgemeld') await signInBrowser(page, web.url, users[role]);
      const failures: string[] = [];
      for (const entry of pages) {
        const path = typeof entry.path === 'string' ? entry.path : entry.path(seeded);
        await page.goto(`${web.url}${path}`);
        await page.waitForLoadState('networkidle');
        // The page itself was measured, not a redirect to another one.
        expect(new URL(page.url()).pathname, entry.name).toBe(path.split('?')[0]);
        for (const v of await axeViolations(page)) failures.push(`${entry.name} (${path}): ${v}`);
      }
      await context.close();
      expect(failures).toEqual([]);
    });
  }
});
