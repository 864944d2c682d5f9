/**
 * The keten-zelftest on the mailbox page in Chromium against the real app: a finished test shows
 * every step passed and its signal (measured by axe-core), the police's signal address is refused
 * as a destination, and starting one shows its first step in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { seedMailbox } from '../support/melding-seed';
import { createUserWithTotp, signInBrowser, type TTestUser } from '../support/sign-in';
import type { TTestDb } from '../support/db';
import type { TWeb } from '../support/web';
import type { Browser } from 'playwright-core';
import { startWebApp } from '../support/web-app';

let t: TTestDb;
let web: TWeb;
let browser: Browser;
let stop: () => Promise<void>;
let mailboxId: string;
let beheerder: TTestUser;

beforeAll(async () => {
  ({ t, web, browser, stop } = await startWebApp({
    seed: async (t) => {
      mailboxId = (await seedMailbox(t.db)).id;
      const at = new Date(Date.now() - 60_000);
      await t.db.ketenZelftest.create({
        data: {
          mailboxId,
          messageId: '<zelftest-e2e@gemeente.example>',
          startedAt: at,
          seenAt: at,
          parsedAt: at,
          parsed:
            'Onderwerp "TEST meldpost keten-zelftest", 0 bijlage(n); herkend als testbericht van deze zelftest.',
          signalSubject: 'Acceptatiesignaal: TEST meldpost keten-zelftest',
          signalBody: 'Uw melding is ontvangen.',
          removedAt: at,
        },
      });
    },
  }));
  beheerder = await createUserWithTotp(t.db, { role: 'BEHEERDER', name: 'Bea Beheerder' });
}, 600_000);

afterAll(() => stop?.());

describe('keten-zelftest on the mailbox page', () => {
  it('shows a finished test, refuses the police address, and starts a new one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInBrowser(page, web.url, beheerder);
    await page.goto(`${web.url}/beheer/mailboxen/${mailboxId}`);
    const section = page.getByRole('region', { name: 'Keten-zelftest' });
    await expect.poll(() => section.getByText('geslaagd').count()).toBe(5);
    await expect
      .poll(() => section.getByText('Acceptatiesignaal: TEST meldpost keten-zelftest').count())
      .toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Signaal ook versturen naar (optioneel)').fill('signalen@politie-keten.example');
    await page.getByRole('button', { name: 'Zelftest starten' }).click();
    await page.getByText('gaat nooit naar het signaaladres van de politie').waitFor();
    expect(await t.db.ketenZelftest.count()).toBe(1);

    await page.getByLabel('Signaal ook versturen naar (optioneel)').fill('');
    await page.getByRole('button', { name: 'Zelftest starten' }).click();
    await page.getByText('Zelftest gestart').waitFor();
    await expect.poll(() => section.getByText('bezig…').count()).toBe(1);
    expect(await t.db.outgoingMail.findFirst({ where: { kind: 'ZELFTEST' } })).toMatchObject({
      recipient: 'meldpunt@gemeente.example',
    });
    await context.close();
  });
});
