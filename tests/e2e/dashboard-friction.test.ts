/**
 * The dashboard as staff use it, in Chromium against the real app: Dutch 404 and error pages in
 * the app's style under the CSP (signed in and out), a favicon, the keyboard path to a melding's
 * actions, corrections per section, a refused action that keeps what was typed, the assignee
 * select that follows "Aan mij toewijzen", priority and beoordeling in header and inbox (sorted),
 * the enrolment screen without QR code once linked, the password change without a blank page, the
 * mailbox banner that does not come back, the authenticity policy explained, the audit log in
 * words, readable periods and chart labels, and the huisstijl a beheerder sets.
 */
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { FORM_GROUPS } from '../../lib/melding/form-fields';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { createUser } from '../../lib/users/create-user';
import type { TTestDb } from '../support/db';
import { seedMailbox, seedMelding } from '../support/melding-seed';
import { createUserWithTotp, signInBrowser, totpCode, type TTestUser } from '../support/sign-in';
import { seedStatsDataset } from '../support/stats-dataset';
import type { TWeb } from '../support/web';
import { startWebApp } from '../support/web-app';

let t: TTestDb;
let web: TWeb;
let browser: Browser;
let stop: () => Promise<void>;
let mailboxId: string;
let meldingIds: { laag: string; hoog: string };
const users = {} as Record<'medewerker' | 'beheerder' | 'coordinator', TTestUser>;

beforeAll(async () => {
  ({ t, web, browser, stop } = await startWebApp({
    seed: async (t) => {
      await seedStatsDataset(t.db);
      await refreshStatistieken({ db: t.db });
      const mailbox = await seedMailbox(t.db);
      mailboxId = mailbox.id;
      const laag = await seedMelding(t.db, { mailboxId });
      const hoog = await seedMelding(t.db, { mailboxId, withMail: false });
      meldingIds = { laag: laag.id, hoog: hoog.id };
    },
  }));
  users.medewerker = await createUserWithTotp(t.db, { role: 'MEDEWERKER', name: 'Mila Medewerker' });
  users.beheerder = await createUserWithTotp(t.db, { role: 'BEHEERDER', name: 'Bea Beheerder' });
  users.coordinator = await createUserWithTotp(t.db, { role: 'COORDINATOR', name: 'Cor Coördinator' });
}, 600_000);

afterAll(() => stop?.());

/** A page in a fresh context that records script errors, CSP reports and every 404 response. */
async function freshPage(as?: TTestUser) {
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  const missing: string[] = [];
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()),
  );
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() === 404 && missing.push(new URL(r.url()).pathname));
  if (as) await signInBrowser(page, web.url, as);
  return { page, problems, missing };
}

const path = (page: Page) => new URL(page.url()).pathname;
const css = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

async function openDetails(page: Page, summaryText: string | RegExp) {
  const summary = page.locator('summary', { hasText: summaryText }).first();
  if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
}

describe('Dutch, styled pages under the CSP', () => {
  it('404 for a signed-out visitor: Dutch, styled, the way to the login page, no CSP violations', async () => {
    const { page, problems } = await freshPage();
    const res = await page.goto(`${web.url}/bestaat-niet`);
    expect(res?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Deze pagina bestaat niet' }).waitFor();
    expect(await page.title()).toContain('Pagina niet gevonden');
    expect(await page.content()).not.toContain('could not be found');
    await expect(page.getByRole('link', { name: 'Naar inloggen' }).isVisible()).resolves.toBe(true);
    // Our stylesheet applies: the card is white with a border, the heading semibold.
    expect(await css(page, 'h1', 'font-weight')).toBe('600');
    expect(await css(page, 'main > div', 'background-color')).toBe('rgb(255, 255, 255)');
    expect(problems).toEqual([]);
  });

  it('404 for a signed-in medewerker, also for a melding that does not exist, and no missing favicon', async () => {
    const { page, problems, missing } = await freshPage(users.medewerker);
    expect(missing).toEqual([]);
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    const iconRes = await fetch(`${web.url}${icon}`);
    expect(iconRes.status).toBe(200);
    expect(iconRes.headers.get('content-type')).toContain('image/svg+xml');
    for (const url of ['/bestaat-niet', '/meldingen/00000000-0000-4000-8000-000000000000']) {
      const res = await page.goto(`${web.url}${url}`);
      expect(res?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Deze pagina bestaat niet' }).waitFor();
      await expect(page.getByRole('link', { name: 'Naar het overzicht' }).isVisible()).resolves.toBe(true);
      expect(await css(page, 'h1', 'font-weight')).toBe('600');
    }
    expect(problems).toEqual([]);
  });
});

describe('the melding page by keyboard and by hand', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await freshPage(users.medewerker)).page;
  });

  it('reaches the first action in at most 5 Tab presses from the top', async () => {
    await page.goto(`${web.url}/meldingen/${meldingIds.laag}`);
    await page.getByRole('heading', { name: /^Melding / }).waitFor();
    let tabs = 0;
    let inActions = false;
    while (tabs < 5 && !inActions) {
      await page.keyboard.press('Tab');
      tabs += 1;
      const focused = await page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim() ?? '',
        inActions: !!document.activeElement?.closest('section[aria-labelledby="acties"]'),
        tag: document.activeElement?.tagName ?? '',
      }));
      if (focused.text === 'Naar de acties') await page.keyboard.press('Enter');
      inActions = focused.inActions && ['BUTTON', 'SUMMARY', 'INPUT', 'SELECT'].includes(focused.tag);
    }
    expect(inActions, `first action after ${tabs} Tab presses`).toBe(true);
    expect(tabs).toBeLessThanOrEqual(5);
  });

  it('corrects with one control per section, not one per field', async () => {
    await expect(page.getByText('Corrigeren', { exact: true }).count()).resolves.toBe(0);
    const perSection = await page.locator('summary', { hasText: 'Gegevens corrigeren' }).count();
    expect(perSection).toBeGreaterThan(0);
    expect(perSection).toBeLessThanOrEqual(FORM_GROUPS.length);
    await openDetails(page, 'Gegevens corrigeren: Persoonsgegevens');
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Persoonsgegevens' }) });
    await section.getByLabel('Plaats', { exact: true }).fill('Proefstad-Noord');
    await section.getByRole('button', { name: 'Correcties opslaan' }).click();
    await page.getByText('Correctie opgeslagen: Plaats').waitFor();
    await section.getByText('Proefstad-Noord').first().waitFor();
    const m = await t.db.melding.findUniqueOrThrow({ where: { id: meldingIds.laag } });
    expect(m.plaats).toBe('Proefstad-Noord');
  });

  it('says before submitting why closing is not yet possible, and keeps what was typed when refused', async () => {
    await openDetails(page, 'Afronden');
    await expect(page.getByText('Beoordeel de melding eerst').isVisible()).resolves.toBe(true);
    await page.getByLabel('Uitkomst').selectOption('TOEGELEID');
    await page.getByLabel('Toelichting').fill('Aangemeld bij het wijkteam van Proefstad.');
    await page.getByRole('button', { name: 'Melding afronden' }).click();
    await page.locator('p[role=alert]', { hasText: 'Beoordeel de melding voordat u haar afrondt' }).waitFor();
    await expect(page.getByLabel('Toelichting').inputValue()).resolves.toBe(
      'Aangemeld bij het wijkteam van Proefstad.',
    );
    await expect(page.getByLabel('Uitkomst').inputValue()).resolves.toBe('TOEGELEID');
  });

  it('"Aan mij toewijzen" updates the colleague select without a reload', async () => {
    await openDetails(page, 'Toewijzen');
    await expect(page.getByLabel('Toewijzen aan collega').inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: 'Aan mij toewijzen' }).click();
    // The button's own form goes away once assigned to me; the header and the select follow.
    await page.locator('header').getByText('Behandelaar meldpunt: Mila Medewerker').waitFor();
    await expect.poll(() => page.getByLabel('Toewijzen aan collega').inputValue()).toBe(users.medewerker.id);
  });

  it('shows beoordeling and priority in the header and the inbox, sorted by priority', async () => {
    await expect(page.getByTestId('beoordeling').textContent()).resolves.toBe('Nog niet beoordeeld');
    await page.goto(`${web.url}/meldingen/${meldingIds.hoog}`);
    await openDetails(page, 'Beoordelen');
    await page.getByLabel('Direct opvolging').check();
    await page.getByLabel('Prioriteit').selectOption('HOOG');
    await page.getByLabel('Reden (verplicht)').fill('Zorgelijke signalen, vandaag nog contact.');
    await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect
      .poll(() => page.getByTestId('beoordeling').textContent())
      .toBe('Beoordeling: Direct opvolging · Prioriteit: Hoog · Soort melding: niet gekozen');
    const hoog = await t.db.melding.findUniqueOrThrow({ where: { id: meldingIds.hoog } });
    expect(hoog).toMatchObject({ prioriteit: 'HOOG', beoordeling: 'DIRECT_OPVOLGEN' });

    await page.goto(`${web.url}/meldingen?sort=prioriteit`);
    const rows = page.locator('table tbody tr');
    await expect(rows.first().getByRole('link').first().textContent()).resolves.toBe(hoog.kenmerk);
    await expect(rows.first().getByText('Hoog', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(rows.nth(1).getByText('Nog niet beoordeeld').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('columnheader', { name: 'Prioriteit' }).isVisible()).resolves.toBe(true);
  });
});

describe('sign-in friction', () => {
  it('hides the QR code and secret once the app is linked; the password change lands on the inbox directly', async () => {
    const created = await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR('test'),
      email: 'frictie-nieuw@meldpunt.test',
      role: 'MEDEWERKER',
      name: 'Noor Nieuw',
    });
    const { page, problems } = await freshPage();
    await page.goto(`${web.url}/login`);
    await page.getByLabel('E-mailadres').fill(created.email);
    await page.getByLabel('Wachtwoord').fill(created.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((u) => u.pathname === '/login/koppelen');
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code uit de app').fill(await totpCode({ totpSecret: secret }, web.clock));
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await expect(page.getByAltText(/QR-code/).count()).resolves.toBe(0);
    await expect(page.getByTestId('totp-secret').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).click();
    await page.waitForURL((u) => u.pathname === '/login/wachtwoord');

    const visited: string[] = [];
    page.on('framenavigated', (f) => f === page.mainFrame() && visited.push(path(page)));
    await page.getByLabel('Huidig wachtwoord').fill(created.password);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Een-eigen-wachtwoord-2026');
    await page.getByLabel('Herhaal nieuw wachtwoord').fill('Een-eigen-wachtwoord-2026');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('heading', { name: 'Meldingen', exact: true }).waitFor();
    expect(path(page)).toBe('/meldingen');
    expect(visited).not.toContain('/');
    expect(problems).toEqual([]);
  });
});

describe('beheer', () => {
  let page: Page;
  beforeAll(async () => {
    page = (await freshPage(users.beheerder)).page;
  });

  it('shows "Mailbox aangemaakt" once, explains the authenticity policy, and says "Verwerking" not "Worker"', async () => {
    await page.goto(`${web.url}/beheer/mailboxen/${mailboxId}?aangemaakt=1`);
    await page.getByText('Mailbox aangemaakt. Test nu de verbinding.').waitFor();
    // The router drops the marker once the page has hydrated (expect.poll's 1 s is short under load).
    await expect
      .poll(() => new URL(page.url()).searchParams.has('aangemaakt'), { timeout: 15_000 })
      .toBe(false);
    const enforce = page.getByLabel('Afdwingen (aanbevolen)');
    await expect(enforce.isChecked()).resolves.toBe(true);
    const described = async (id: string) =>
      page.locator(`#${(await page.getByLabel(id).getAttribute('aria-describedby'))!}`).textContent();
    expect(await described('Afdwingen (aanbevolen)')).toMatch(/quarantaine/);
    expect(await described('Alleen registreren')).toMatch(/acceptatiesignaal/);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.locator('[role=status]', { hasText: 'Wijzigingen opgeslagen' }).waitFor();
    await expect(page.getByText('Mailbox aangemaakt. Test nu de verbinding.').count()).resolves.toBe(0);
    await page.reload();
    await expect(page.getByText('Mailbox aangemaakt. Test nu de verbinding.').count()).resolves.toBe(0);
    await page.goto(`${web.url}/beheer/mailboxen`);
    await expect(page.getByRole('columnheader', { name: 'Verwerking' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('main').textContent()).not.toMatch(/worker/i);
  });

  it('shows the audit log in words: labels for actions and details, no codes, no JSON', async () => {
    await page.goto(`${web.url}/beheer/audit`);
    const table = page.getByRole('table');
    await table.waitFor();
    const text = (await table.textContent())!;
    expect(text).toContain('Melding beoordeeld');
    expect(text).toContain('prioriteit hoog');
    expect(text).not.toMatch(/\b(melding|auth|bericht|user|mailbox)\.[a-z_.]+/);
    expect(text).not.toContain('{"');
    await page.getByLabel('Actie').selectOption({ label: 'Melding beoordeeld' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL((u) => u.searchParams.get('action') === 'melding.beoordeeld');
    await expect(page.getByRole('table').locator('tbody tr').count()).resolves.toBe(1);
    expect(await page.content()).not.toContain('Bijv. melding.');
  });

  it('sets the huisstijl: name and colour on every page (also signed out); a too light colour is refused', async () => {
    await page.goto(`${web.url}/beheer/instellingen`);
    await page.getByLabel('Huisstijlkleur').fill('#ffee00');
    await page.getByRole('button', { name: 'Huisstijl opslaan' }).click();
    await page.locator('[role=alert]', { hasText: 'te licht' }).waitFor();
    await page.getByLabel('Naam in de kopbalk').fill('Gemeente Proefstad');
    await page.getByLabel('Huisstijlkleur').fill('#7a1f5c');
    await page.getByRole('button', { name: 'Huisstijl opslaan' }).click();
    await page.locator('[role=status]', { hasText: 'Huisstijl opgeslagen' }).waitFor();
    await page.goto(`${web.url}/beheer`);
    await expect(
      page.locator('header').getByRole('link', { name: 'Gemeente Proefstad' }).isVisible(),
    ).resolves.toBe(true);
    const sheet = await (await fetch(`${web.url}/huisstijl.css`)).text();
    expect(sheet).toContain('--utrecht-button-primary-action-background-color: #7a1f5c');
    await page.goto(`${web.url}/beheer/instellingen`);
    expect(await css(page, 'button[type=submit]', 'background-color')).toBe('rgb(122, 31, 92)');
    const anonymous = (await freshPage()).page;
    await anonymous.goto(`${web.url}/login`);
    await anonymous.getByRole('heading', { name: 'Gemeente Proefstad' }).waitFor();
    expect(await css(anonymous, 'button[type=submit]', 'background-color')).toBe('rgb(122, 31, 92)');
  });
});

describe('statistics', () => {
  it('names months in words and wraps long bar labels, the full text as tooltip', async () => {
    const { page, problems } = await freshPage(users.coordinator);
    await page.goto(`${web.url}/statistieken?van=2026-04-01&tot=2026-04-30&stap=maand`);
    const series = page.locator('table[data-tabel="aantallen"]');
    await series.getByRole('cell', { name: 'april 2026', exact: true }).waitFor();
    expect(await series.textContent()).not.toContain('2026-04');
    const eenheid = page.locator('section[aria-labelledby="stat-eenheid"] figure');
    await eenheid.locator('svg title').first().waitFor({ state: 'attached' });
    const ticks = await eenheid.locator('svg title').evaluateAll((titles) =>
      titles.map((title) => ({
        full: title.textContent!,
        lines: title.parentElement!.querySelectorAll('tspan').length,
      })),
    );
    expect(ticks.length).toBeGreaterThan(0);
    const long = ticks.filter((tick) => tick.full.length > 28);
    expect(long.length).toBeGreaterThan(0);
    for (const tick of long) expect(tick.lines).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });
});

describe('an unexpected error', () => {
  it('shows a Dutch error page in the app style when the database is gone', async () => {
    const { page } = await freshPage(users.medewerker);
    const admin = new pg.Client({ connectionString: t.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    const name = new URL(t.url).pathname.slice(1);
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await page.goto(`${web.url}/meldingen`);
      await page.getByRole('heading', { name: 'Er ging iets mis' }).waitFor();
      expect(await css(page, 'h1', 'font-weight')).toBe('600');
      expect(await page.content()).not.toMatch(/Application error|server-side exception/);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  });
});
