/**
 * The statistics page against the real app: who may reach it (coordinator, beheerder; a
 * medewerker only with the setting), a coordinator cannot reach a melding and the page links to
 * none, the export route over HTTP, and in Chromium the charts beside the tables, without CSP
 * violations, and a print view without the filters.
 */
import { readXlsx } from '../support/read-xlsx';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import type { TTestDb } from '../support/db';
import { createUserWithTotp, signInBrowser, signInHttp, type TTestUser } from '../support/sign-in';
import { seedStatsDataset } from '../support/stats-dataset';
import type { TWeb } from '../support/web';
import { startWebApp } from '../support/web-app';

let t: TTestDb;
let web: TWeb;
let browser: Browser;
let stop: () => Promise<void>;
const users = {} as Record<'coordinator' | 'medewerker' | 'beheerder', TTestUser>;
const cookies = {} as Record<keyof typeof users, string>;
const APRIL = 'van=2026-04-01&tot=2026-04-30&stap=week';

beforeAll(async () => {
  ({ t, web, browser, stop } = await startWebApp({
    seed: async (t) => {
      await seedStatsDataset(t.db);
      await refreshStatistieken({ db: t.db });
    },
  }));
  users.coordinator = await createUserWithTotp(t.db, { role: 'COORDINATOR' });
  users.medewerker = await createUserWithTotp(t.db, { role: 'MEDEWERKER' });
  users.beheerder = await createUserWithTotp(t.db, { role: 'BEHEERDER' });
  for (const k of Object.keys(users) as (keyof typeof users)[])
    cookies[k] = await signInHttp(web.url, users[k]);
}, 600_000);

afterAll(() => stop?.());

const get = (path: string, who?: keyof typeof users) =>
  fetch(`${web.url}${path}`, { headers: who ? { cookie: cookies[who] } : {}, redirect: 'manual' });

describe('statistics access over HTTP', () => {
  it('sends the anonymous to the login page and refuses a medewerker without the setting', async () => {
    const anon = await get(`/statistieken?${APRIL}`);
    expect(anon.status).toBe(307);
    expect(anon.headers.get('location')).toMatch(/\/login$/);
    expect((await get(`/statistieken/export?${APRIL}&tabel=gemeente&formaat=csv`)).status).toBe(401);
    const page = await get(`/statistieken?${APRIL}`, 'medewerker');
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain('Meldingen per gemeente');
    expect((await get(`/statistieken/export?${APRIL}&tabel=gemeente&formaat=csv`, 'medewerker')).status).toBe(
      404,
    );
  });

  it('shows the figures to a coordinator and a beheerder, with the period, and no link to a melding', async () => {
    for (const who of ['coordinator', 'beheerder'] as const) {
      const res = await get(`/statistieken?${APRIL}`, who);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Meldingen per gemeente');
      expect(html).toContain('1 april 2026 t/m 30 april 2026');
      expect(html).toContain('&lt; 5');
      expect(html).not.toMatch(/href="\/meldingen/);
      expect(html).not.toContain('PL1300-');
    }
  });

  it('lets a medewerker in once the beheerder allows it', async () => {
    await t.db.setting.create({ data: { key: 'statistiekenVoorMedewerkers', value: true } });
    try {
      const res = await get(`/statistieken?${APRIL}`, 'medewerker');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Meldingen per gemeente');
    } finally {
      await t.db.setting.delete({ where: { key: 'statistiekenVoorMedewerkers' } });
    }
    expect((await get(`/statistieken?${APRIL}`, 'medewerker')).status).toBe(404);
  });

  it('a coordinator cannot reach a melding', async () => {
    const melding = await t.db.melding.findFirstOrThrow({ where: { kenmerk: 'PL1300-2026100' } });
    for (const path of [`/meldingen/${melding.id}`, '/meldingen']) {
      const res = await get(path, 'coordinator');
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(melding.kenmerk);
    }
    // The medewerker does reach it: the refusal is the role, not a missing page.
    expect((await get(`/meldingen/${melding.id}`, 'medewerker')).status).toBe(200);
  });

  it('exports a table as XLSX over HTTP, audited', async () => {
    const res = await get(
      `/statistieken/export?${APRIL}&gemeente=Rotterdam&tabel=eenheid&formaat=xlsx`,
      'coordinator',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="statistieken-eenheid-2026-04-01-2026-04-30.xlsx"',
    );
    const ws = readXlsx(new Uint8Array(await res.arrayBuffer()))[0]!;
    expect(ws.cell('A3')).toBe('Filter: gemeente Rotterdam');
    expect(ws.rows[5]).toEqual(['Eenheid', 'Basisteam', 'Aantal', 'Aandeel (%)']);
    // One basisteam has fewer than 5 meldingen: the smallest other count is hidden too ("x"), so
    // the small one cannot be found as the total minus the rest (secondary suppression).
    expect(ws.rows[6]).toEqual(['Eenheid Rotterdam', 'Maasboulevard', 'x', 'x']);
    expect(
      await t.db.auditEvent.count({
        where: { action: 'stats.export', actorId: users.coordinator.id, outcome: 'SUCCESS' },
      }),
    ).toBe(1);
    expect((await get(`/statistieken/export?${APRIL}&tabel=geheim&formaat=xlsx`, 'coordinator')).status).toBe(
      422,
    );
  });
});

describe('statistics page in Chromium', () => {
  it('draws the charts beside the tables without CSP violations, and prints without the filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on(
      'console',
      (m) =>
        m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()),
    );
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (e) => problems.push(e.message));
    await signInBrowser(page, web.url, users.coordinator);
    await page.goto(`${web.url}/statistieken?${APRIL}`);
    await page.waitForSelector('.recharts-surface');
    // One trend chart and nine bar charts, each beside its table.
    expect(await page.locator('figure[role="img"]').count()).toBe(10);
    expect(await page.locator('figure[role="img"] .recharts-wrapper').count()).toBe(10);
    expect(await page.locator('table[data-tabel]').count()).toBe(11);
    // Per kanaal and per soort melding (a melding under each of its soorten).
    expect(await page.locator('table[data-tabel="kanaal"] tbody tr').allInnerTexts()).toEqual([
      'e-mail van de politie (protocol)\t7\t58,3',
      'telefoon\t5\t41,7',
    ]);
    expect(await page.locator('table[data-tabel="soort"] tbody tr').allInnerTexts()).toEqual([
      'Verward gedrag\t7\t58,3',
      'Eenzaamheid\t5\t41,7',
      'Geen soort gekozen\t5\t41,7',
    ]);
    const gemeente = page.locator('table[data-tabel="gemeente"] tbody tr');
    // Rotterdam's 9 is hidden too: total (12) minus it would give Schiedam's "< 5".
    expect(await gemeente.allInnerTexts()).toEqual(['Rotterdam\tx\tx', 'Schiedam\t< 5\tx']);
    // Values are written on the bars (readable without colour), suppressed ones as "< 5" / "x".
    const labels = await page
      .locator('section[aria-labelledby="stat-gemeente"] .recharts-label-list')
      .textContent();
    expect(labels).toContain('x');
    expect(labels).toContain('< 5');
    // Filtering by gemeente through the form.
    await page.locator('select[name="gemeente"]').selectOption('Schiedam');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.waitForURL((u) => u.searchParams.get('gemeente') === 'Schiedam');
    await expect(
      page.locator('section[aria-labelledby="stat-gemeente"] [data-periode]').innerText(),
    ).resolves.toBe('Periode: 1 april 2026 t/m 30 april 2026 · gemeente Schiedam');
    // Print: no filter form, no export links; the figures stay.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('form', { name: 'Filters' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: 'XLSX' }).first().isVisible()).resolves.toBe(false);
    await expect(page.locator('table[data-tabel="gemeente"]').isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
