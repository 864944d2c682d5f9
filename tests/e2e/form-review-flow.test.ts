/**
 * Registration after review, in Chromium against the real app, Dovecot, worker and SMTP (policy
 * MONITOR): a medewerker uploads a PDF form on "Melding registreren", the worker reads it and the
 * page fills the fields in for review; saved, the melding keeps the file. A mail with a form in the
 * Postvak is read for review first and registered from there. The Postvak pages per 200, and a
 * medewerker turns on e-mail notifications on their account page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRaw } from '../fixtures/mail/compose';
import { renderPdf } from '../fixtures/generator/pdf';
import { PEOPLE, sampleFormulier } from '../fixtures/generator/people';
import { launchBrowser } from '../support/browser';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { waitFor } from '../support/processes';
import { createUserWithTotp, signInBrowser, type TTestUser } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

const UPLOADED = 'PL1300-2026120801';
const FROM_QUEUE = 'PL1300-2026120802';

let env: TIngestEnv;
let web: TWeb;
let browser: Browser;
let page: Page;
let user: TTestUser;

beforeAll(async () => {
  env = await startIngestEnv({ policy: 'MONITOR' });
  env.startWorker();
  web = await startWeb({ databaseUrl: env.t.url });
  browser = await launchBrowser();
  user = await createUserWithTotp(env.t.db, { role: 'MEDEWERKER', name: 'Mila Medewerker' });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await signInBrowser(page, web.url, user);
  await page.waitForURL((u) => u.pathname === '/meldingen');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await env?.stop();
});

describe('registration after review in the browser', () => {
  // The first file warms the parse thread up (PDFium loads): more time than a test usually needs.
  it(
    'reads an uploaded form into the fields for review; the melding keeps the file',
    { timeout: 180_000 },
    async () => {
      const person = PEOPLE[3]!;
      const pdf = await renderPdf(sampleFormulier({ kenmerk: UPLOADED, betrokkene: person }));
      await page.goto(`${web.url}/meldingen/registreren`);
      await page.getByLabel(/^Bestand/).setInputFiles({
        name: 'formulier wijkagent.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(pdf),
      });
      await page.getByRole('button', { name: 'Uploaden en uitlezen' }).click();
      await page.waitForURL((u) => u.searchParams.has('formulier'));
      // The worker reads it; the page fills itself in without a reload.
      await page.getByText(/Ingelezen uit formulier wijkagent\.pdf/).waitFor({ timeout: 90_000 });
      await expect(page.getByLabel('Achternaam').inputValue()).resolves.toBe(person.achternaam);
      await expect(page.getByLabel('Kenmerk (registratienummer politie)').inputValue()).resolves.toBe(
        UPLOADED,
      );
      await page.getByLabel('Kanaal').selectOption('PARTNER');
      await page.getByLabel('Voornamen').fill('Gecorrigeerde Voornaam');
      await page.getByRole('button', { name: 'Melding registreren' }).click();
      // The review is used up: the browser goes on to the new melding.
      await page.getByRole('heading', { name: `Melding ${UPLOADED}` }).waitFor();
      await expect(page.getByTestId('kanaal').textContent()).resolves.toBe('doorgestuurd door een partner');
      const melding = await env.t.db.melding.findFirstOrThrow({
        where: { kenmerk: UPLOADED },
        include: { attachments: true },
      });
      expect(melding).toMatchObject({
        kanaal: 'PARTNER',
        voornamen: 'Gecorrigeerde Voornaam',
        achternaam: person.achternaam,
      });
      expect(melding.attachments.map((a) => [a.filename, a.isForm])).toEqual([
        ['formulier wijkagent.pdf', true],
      ]);
    },
  );

  it('shows the form of a Postvak mail for review before it is registered', async () => {
    const subject = `Doorgestuurd door het wijkteam ${FROM_QUEUE}`;
    await env.deliver(
      await composeRaw({
        from: 'wijkteam@gemeente.example',
        subject,
        attachments: [
          {
            filename: 'meldformulier.pdf',
            content: Buffer.from(await renderPdf(sampleFormulier({ kenmerk: FROM_QUEUE }))),
            contentType: 'application/pdf',
          },
        ],
      }),
    );
    const item = await waitFor(
      'other mail decided',
      () => env.t.db.inboundMessage.findFirst({ where: { subject, outcome: 'OTHER' } }),
      30_000,
    );
    await page.goto(`${web.url}/postvak/${item.id}`);
    await page.getByRole('button', { name: 'Formulier uitlezen en controleren' }).click();
    await page.waitForURL((u) => u.pathname === '/meldingen/registreren' && u.searchParams.has('formulier'));
    await page.getByText(PEOPLE[0]!.achternaam!).first().waitFor({ timeout: 60_000 });
    expect(await env.t.db.melding.count({ where: { kenmerk: FROM_QUEUE } })).toBe(0);
    const register = page.locator('form', {
      has: page.getByRole('heading', { name: 'Registreren als melding' }),
    });
    await register.getByRole('textbox').fill('Melding via het wijkteam, gecontroleerd');
    await register.getByRole('button', { name: 'Gegevens kloppen: registreren' }).click();
    const melding = await waitFor(
      'registered',
      () => env.t.db.melding.findFirst({ where: { kenmerk: FROM_QUEUE } }),
      30_000,
    );
    expect(melding).toMatchObject({ kanaal: 'EMAIL_BUITEN_PROTOCOL', registeredBy: 'Mila Medewerker' });
    // Its waits (the worker deciding the mail, then reading its form) may each take long on a busy
    // machine: the test's own limit leaves room for them.
  }, 180_000);

  it('pages the Postvak per 200 items', async () => {
    await env.t.db.inboundMessage.createMany({
      data: Array.from({ length: 201 }, (_, i) => ({
        mailboxId: env.mailbox.id,
        uidValidity: 7n,
        uid: BigInt(i + 1),
        sha256: `paging-${i}`,
        size: 10,
        subject: `Nieuwsbrief ${i}`,
        receivedAt: new Date(Date.UTC(2026, 10, 2, 8, i)),
        kind: 'OVERIG' as const,
        state: 'PROCESSED' as const,
        outcome: 'OTHER' as const,
      })),
    });
    await page.goto(`${web.url}/postvak`);
    const paging = page.getByRole('navigation', { name: 'Paginering' });
    await paging.getByText(/Pagina 1 van 2/).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(200);
    await paging.getByRole('link', { name: 'Volgende ›' }).click();
    await paging.getByText(/Pagina 2 van 2/).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(paging.getByRole('link', { name: '‹ Vorige' }).isVisible()).resolves.toBe(true);
  });

  it('turns on e-mail notifications on the account page', async () => {
    await page.goto(`${web.url}/account`);
    await page.getByLabel(/Stuur mij een e-mail als er nieuwe meldingen/).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').getByText('Meldingen per e-mail staan aan').waitFor();
    const row = await env.t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mailNotifications).toBe(true);
    expect(
      await env.t.db.auditEvent.count({ where: { action: 'user.notificaties_aan', objectId: user.id } }),
    ).toBe(1);
  });
});
