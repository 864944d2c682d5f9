/**
 * Nothing falls between the cracks, in Chromium against the real app, Dovecot, worker and SMTP
 * (policy ENFORCE): a medewerker finds a quarantined melding in the Postvak (counted in the
 * menu), releases it, finds it in the inbox and the police receive the acceptatiesignaal; a new
 * melding appears in the open inbox without a reload (tab title counts it); a melding by phone
 * is registered by hand and shows its channel.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { waitFor } from '../support/processes';
import { createUserWithTotp, signInBrowser, type TTestUser } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

const QUARANTINED = 'PL1300-2026120701';
const LIVE = 'PL1300-2026120702';

let env: TIngestEnv;
let web: TWeb;
let browser: Browser;
let page: Page;
let user: TTestUser;

beforeAll(async () => {
  env = await startIngestEnv({ policy: 'ENFORCE' });
  env.startWorker();
  web = await startWeb({ databaseUrl: env.t.url });
  browser = await launchBrowser();
  user = await createUserWithTotp(env.t.db, { role: 'MEDEWERKER', name: 'Mila Medewerker' });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await env?.stop();
});

const signalFor = (kenmerk: string) => () =>
  env.smtp.messages.find((m) => m.subject === `Acceptatiesignaal: melding niet-acute zorg met ${kenmerk}`) ??
  null;

describe('Postvak in the browser', () => {
  it('shows a quarantined melding; released, it is in the inbox and the police get the acceptatiesignaal', async () => {
    await env.deliver(await meldingMail({ kenmerk: QUARANTINED }));
    await waitFor(
      'quarantined',
      () => env.t.db.inboundMessage.findFirst({ where: { outcome: 'QUARANTINED' } }),
      30_000,
    );
    await signInBrowser(page, web.url, user);
    await page.waitForURL((u) => u.pathname === '/meldingen');
    await expect(page.getByTestId('postvak-count').textContent()).resolves.toMatch(/^1/);

    await page.getByRole('link', { name: /Postvak/ }).click();
    await page.getByRole('heading', { name: 'Postvak' }).waitFor();
    const row = page.locator('tr[data-state="quarantined"]');
    await expect(row.getByText('niet geverifieerd').isVisible()).resolves.toBe(true);
    await expect(row.getByText('Echtheid nagaan, dan vrijgeven of afwijzen').isVisible()).resolves.toBe(true);
    await row.getByRole('link', { name: `melding niet-acute zorg met ${QUARANTINED}` }).click();
    await page.getByTestId('queue-state').getByText('In quarantaine').waitFor();
    await expect(page.getByText('Zie bijlage.').isVisible()).resolves.toBe(true);

    const release = page.locator('form', { has: page.getByRole('heading', { name: 'Vrijgeven' }) });
    await release.getByRole('textbox').fill('Gebeld met de politie, melding is echt');
    await release.getByRole('button', { name: 'Vrijgeven en verwerken' }).click();
    // The item is dealt with: the page now says by whom, and the actions are gone.
    await page.getByText(/Vrijgegeven door Mila Medewerker/).waitFor();

    const signal = await waitFor('acceptatiesignaal', signalFor(QUARANTINED), 30_000);
    expect(signal.envelope.to).toEqual(['signalen@politie-keten.example']);
    await page.goto(`${web.url}/meldingen`);
    await page.getByRole('link', { name: QUARANTINED }).waitFor();
    await page.getByRole('link', { name: QUARANTINED }).click();
    await page.getByRole('heading', { name: `Melding ${QUARANTINED}` }).waitFor();
    await expect(page.getByTestId('kanaal').textContent()).resolves.toBe('e-mail van de politie (protocol)');
    await expect(page.getByText('Handmatig vrijgegeven door Mila Medewerker').isVisible()).resolves.toBe(
      true,
    );
    await page.goto(`${web.url}/postvak`);
    await page.getByText('Er wacht niets op actie.').waitFor();
  });

  it('shows a newly arrived melding in the open inbox without a reload, counted in the tab title', async () => {
    await env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { authenticityPolicy: 'MONITOR' } });
    await page.goto(`${web.url}/meldingen`);
    await page.getByRole('heading', { name: 'Meldingen' }).waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await waitFor('tab title', async () => (await page.title()).startsWith('(1) Meldingen'), 15_000);

    await env.deliver(await meldingMail({ kenmerk: LIVE }));
    await page.getByRole('link', { name: LIVE }).waitFor({ timeout: 60_000 });
    // Still the same document: the page updated itself, nobody reloaded it.
    await expect(
      page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).resolves.toBe(true);
    await waitFor(
      'tab title counts it',
      async () => (await page.title()).startsWith('(2) Meldingen'),
      15_000,
    );
  });

  it('registers a melding received by phone, shown with its channel', async () => {
    await page.goto(`${web.url}/meldingen`);
    await page.getByRole('link', { name: 'Melding registreren' }).click();
    await page.getByRole('heading', { name: 'Melding registreren' }).waitFor();
    await page.getByLabel('Kanaal').selectOption('TELEFOON');
    await page.getByLabel('Melder (naam, organisatie, telefoon)').fill('Wijkagent Testweg, 0612345678');
    await page.getByLabel('Voornamen').fill('Pim');
    await page.getByLabel('Achternaam').fill('Proefmans');
    await page
      .getByLabel('Reden aanmelding (omschrijving van de zorgen)')
      .fill('Verward op straat, geen vaste woonplek.');
    await page.getByLabel('Nader telefonisch contact gewenst').check();
    await page.getByRole('button', { name: 'Melding registreren' }).click();
    await page
      .getByRole('status')
      .getByText(/Melding MP-\d{8}-[0-9A-F]{8} geregistreerd/)
      .waitFor();
    await page.getByRole('link', { name: 'Naar de melding' }).click();
    await page.getByRole('heading', { name: /Melding MP-/ }).waitFor();
    await expect(page.getByTestId('kanaal').textContent()).resolves.toBe('telefoon');
    await expect(page.getByText('geregistreerd door Mila Medewerker').isVisible()).resolves.toBe(true);
    const melding = await env.t.db.melding.findFirstOrThrow({ where: { achternaam: 'Proefmans' } });
    expect(melding).toMatchObject({
      kanaal: 'TELEFOON',
      registeredBy: 'Mila Medewerker',
      telefonischContactGewenst: true,
    });
    expect(
      await env.t.db.auditEvent.count({ where: { action: 'melding.geregistreerd', objectId: melding.id } }),
    ).toBe(1);
    // No signal to the police for a melding that did not come by the protocol mail.
    expect(env.smtp.messages.some((m) => m.subject?.includes(melding.kenmerk))).toBe(false);
  });
});
