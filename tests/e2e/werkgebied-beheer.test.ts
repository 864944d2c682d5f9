/**
 * Werkgebied, retention and the rights of the people in the data, in Chromium against the real
 * app: a beheerder sets the werkgebied and another meldpunt, runs retention from its dry run,
 * exports and erases a person's data; a medewerker forwards a melding outside the werkgebied.
 * Other roles do not find the beheer pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../fixtures/generator/people';
import type { TTestDb } from '../support/db';
import { waitFor } from '../support/processes';
import { seedMailbox, seedMelding } from '../support/melding-seed';
import { createUserWithTotp, signInBrowser, signInHttp, type TTestUser } from '../support/sign-in';
import type { TWeb } from '../support/web';
import { startWebApp } from '../support/web-app';

let t: TTestDb;
let web: TWeb;
let browser: Browser;
let stop: () => Promise<void>;
let beheerder: TTestUser;
let medewerker: TTestUser;
let mailboxId: string;

beforeAll(async () => {
  ({ t, web, browser, stop } = await startWebApp({
    seed: async (t) => {
      beheerder = await createUserWithTotp(t.db, { role: 'BEHEERDER' });
      medewerker = await createUserWithTotp(t.db, { role: 'MEDEWERKER' });
      mailboxId = (await seedMailbox(t.db)).id;
    },
  }));
}, 600_000);
afterAll(() => stop?.());

const hydrated = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('form')].some((f) => Object.keys(f).some((k) => k.startsWith('__react'))),
  );

async function signedIn(user: TTestUser): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  page.on('dialog', (d) => void d.accept());
  await signInBrowser(page, web.url, user);
  return page;
}

describe('werkgebied and retention in the browser', () => {
  it('lets a beheerder set the werkgebied and another meldpunt', async () => {
    const page = await signedIn(beheerder);
    await page.goto(`${web.url}/beheer/werkgebied`);
    await hydrated(page);
    await page.getByLabel('Gemeenten en plaatsen').fill('Rotterdam\nSchiedam');
    await page.getByLabel('Postcodegebieden (PC4)').fill('3000-3099 Rotterdam\n3190');
    await page.getByRole('button', { name: 'Werkgebied opslaan' }).click();
    await page.getByText('Werkgebied opgeslagen').waitFor();
    expect(
      await t.db.werkgebiedPostcode.findMany({
        select: { van: true, tot: true, gemeente: true },
        orderBy: { van: 'asc' },
      }),
    ).toEqual([
      { van: 3000, tot: 3099, gemeente: 'Rotterdam' },
      { van: 3190, tot: 3190, gemeente: null },
    ]);
    // The form shows the ranges back with their gemeente.
    await page.reload();
    await expect(page.getByLabel('Postcodegebieden (PC4)').inputValue()).resolves.toBe(
      '3000-3099 Rotterdam\n3190',
    );

    await page.getByLabel('Postcodegebieden (PC4)').fill('30AB');
    await page.getByRole('button', { name: 'Werkgebied opslaan' }).click();
    await page.locator('p[role=alert]', { hasText: 'regel 1' }).waitFor();

    await page.getByLabel('Naam').fill('Meldpunt Utrecht');
    await page.getByLabel('E-mailadres').fill('meldpunt@utrecht.example');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('rowheader', { name: 'Meldpunt Utrecht' }).waitFor();
    expect(await t.db.anderMeldpunt.count()).toBe(1);
  });

  it('lets a medewerker forward a melding outside the werkgebied', async () => {
    const melding = await seedMelding(t.db, {
      mailboxId,
      formulier: { betrokkene: { ...PEOPLE[1]!, postcode: '3511AB', plaats: 'Utrecht' } },
    });
    await t.db.melding.update({ where: { id: melding.id }, data: { buitenWerkgebied: true } });
    const page = await signedIn(medewerker);
    await page.goto(`${web.url}/meldingen/${melding.id}`);
    await page.getByText('Deze melding ligt buiten het werkgebied.').waitFor();
    await hydrated(page);
    await page
      .getByLabel('Naar', { exact: true })
      .selectOption({ label: 'Meldpunt Utrecht (meldpunt@utrecht.example)' });
    // Outside the werkgebied the reason is chosen already; the police form goes along by default.
    await expect(page.locator('#doorsturen-reden').inputValue()).resolves.toBe('BUITEN_WERKGEBIED');
    await page
      .getByLabel('Toelichting (gaat mee in de mail; verplicht bij ‘anders’)')
      .fill('Woont sinds kort in Utrecht.');
    await page.getByRole('button', { name: 'Doorsturen en afronden' }).click();
    // Closed now: the melding has its outcome, and the page no longer offers doorsturen.
    await waitFor(
      'melding forwarded',
      async () => (await t.db.melding.findUniqueOrThrow({ where: { id: melding.id } })).status === 'AFGEROND',
      20_000,
    );
    expect(await t.db.melding.findUniqueOrThrow({ where: { id: melding.id } })).toMatchObject({
      status: 'AFGEROND',
      uitkomst: 'DOORGESTUURD',
      loketAdvies: 'Meldpunt Utrecht',
    });
    await page.getByText('Doorsturen naar ander meldpunt of loket').waitFor({ state: 'detached' });
    expect(
      await t.db.outgoingMail.count({
        where: { meldingId: melding.id, kind: 'DOORSTUREN', recipient: 'meldpunt@utrecht.example' },
      }),
    ).toBe(1);
    // The officer is told where the melding went (bericht 2), as the form offers by default.
    expect(
      await t.db.outgoingMail.count({ where: { meldingId: melding.id, kind: 'DOORGESTUURD_BERICHT' } }),
    ).toBe(1);
  });

  it('shows the dry run and runs retention on request', async () => {
    const old = await seedMelding(t.db, { mailboxId, receivedAt: new Date(Date.now() - 500 * 86400_000) });
    await t.db.melding.update({
      where: { id: old.id },
      data: {
        status: 'AFGEROND',
        uitkomst: 'GEEN_VERVOLG',
        closedAt: new Date(Date.now() - 450 * 86400_000),
      },
    });
    const page = await signedIn(beheerder);
    await page.goto(`${web.url}/beheer/bewaartermijn`);
    await page.getByRole('cell', { name: old.kenmerk }).waitFor();
    await hydrated(page);
    await page.getByRole('button', { name: 'Nu uitvoeren' }).click();
    await page.getByText('Uitgevoerd: 1 melding(en)').waitFor();
    expect(await t.db.melding.count({ where: { id: old.id } })).toBe(0);
    expect(
      await t.db.auditEvent.count({ where: { action: 'bewaartermijn.proefrun', actorId: beheerder.id } }),
    ).toBeGreaterThan(0);
  });

  it('exports and erases what is held about a person', async () => {
    const person = PEOPLE[0]!;
    const melding = await seedMelding(t.db, { mailboxId, formulier: { betrokkene: person } });
    const page = await signedIn(beheerder);
    await page.goto(`${web.url}/beheer/personen`);
    await hydrated(page);
    await page.getByRole('textbox', { name: 'BSN' }).fill(person.bsn!);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('cell', { name: melding.kenmerk }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Gegevens exporteren' }).click(),
    ]);
    const json = JSON.parse(
      (await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c))).toString('utf8'),
    ) as { meldingen: { kenmerk: string; bsn: string }[]; inzage: { action: string }[] };
    expect(json.meldingen).toMatchObject([{ kenmerk: melding.kenmerk, bsn: person.bsn }]);
    expect(json.inzage.map((e) => e.action)).toContain('persoon.export');
    expect(download.suggestedFilename()).not.toContain(person.bsn!);

    await page.getByLabel('Ik heb gecontroleerd dat dit de juiste persoon is').check();
    await page.getByRole('button', { name: 'Alle gegevens wissen' }).click();
    await page.getByText('1 melding(en) met alle bijbehorende gegevens gewist.').waitFor();
    expect(await t.db.melding.count({ where: { bsn: person.bsn } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: 'persoon.gewist', actorId: beheerder.id } })).toBe(
      1,
    );
  });

  it('hides the beheer pages from other roles', async () => {
    const cookie = await signInHttp(web.url, medewerker);
    for (const path of ['/beheer/werkgebied', '/beheer/bewaartermijn', '/beheer/personen']) {
      expect((await fetch(`${web.url}${path}`, { headers: { cookie } })).status, path).toBe(404);
    }
  });
});
