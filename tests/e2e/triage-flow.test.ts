/**
 * The working day of a medewerker, in Chromium against the real app, Dovecot, worker and SMTP:
 * a melding mailed to the mailbox appears in the inbox; open it, assess it, ask the officer for
 * an aanvulling (the mail arrives at the SMTP receiver, addressed to the officer from the form),
 * the officer's reply shows on the timeline, resume and close; a second melding goes back as
 * "niet in behandeling" with its protocol mail. Each test stands alone: its own meldingen (all
 * about the same fictitious person), its own signed-in page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRaw } from '../fixtures/mail/compose';
import { launchBrowser } from '../support/browser';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { waitFor } from '../support/processes';
import { createUserWithTotp, signInBrowser, type TTestUser } from '../support/sign-in';
import { startWeb, type TWeb } from '../support/web';

const OFFICER = 'j.testagent@politie.nl';

let env: TIngestEnv;
let web: TWeb;
let browser: Browser;
let user: TTestUser;

beforeAll(async () => {
  env = await startIngestEnv();
  // Mail to the officer carries the meldpunt's phone number; without it sending is refused.
  await env.t.db.setting.createMany({
    data: [
      { key: 'meldpuntNaam', value: 'Meldpunt Proefstad' },
      { key: 'meldpuntTelefoon', value: '010-1234567' },
    ],
  });
  env.startWorker();
  web = await startWeb({ databaseUrl: env.t.url });
  browser = await launchBrowser();
  user = await createUserWithTotp(env.t.db, { role: 'MEDEWERKER', name: 'Mila Medewerker' });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await env?.stop();
});

const mailTo = (subjectPart: string) => () =>
  env.smtp.messages.find((m) => m.subject?.includes(subjectPart)) ?? null;

/** Mails these meldingen to the mailbox and waits until the worker recorded them. */
async function delivered(...kenmerken: string[]) {
  for (const kenmerk of kenmerken) await env.deliver(await meldingMail({ kenmerk }));
  await waitFor(
    `meldingen ${kenmerken.join(', ')} ingested`,
    async () =>
      (await env.t.db.melding.count({ where: { kenmerk: { in: kenmerken } } })) === kenmerken.length,
    30_000,
  );
}

/** The audit actions of the medewerker on one melding. */
async function auditedOn(kenmerk: string): Promise<string[]> {
  const melding = await env.t.db.melding.findFirstOrThrow({ where: { kenmerk } });
  const events = await env.t.db.auditEvent.findMany({
    where: { actorId: user.id, objectId: melding.id },
    select: { action: true },
  });
  return events.map((e) => e.action);
}

/** A page of its own (own cookies), signed in as the medewerker; it starts in the inbox. */
async function signedInPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await signInBrowser(page, web.url, user);
  return page;
}

async function openPanel(page: Page, title: string) {
  const summary = page.locator('summary', { hasText: title }).first();
  if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
}

describe('triage in the browser', () => {
  it('a melding delivered to the mailbox appears in the inbox', async () => {
    const [A, B] = ['PL1300-2026111901', 'PL1300-2026111902'];
    await delivered(A, B);
    const page = await signedInPage();
    // The start page sends a medewerker on to the inbox.
    await page.waitForURL((u) => u.pathname === '/meldingen');
    await page.getByRole('link', { name: A }).waitFor();
    await page.getByRole('link', { name: B }).waitFor();
    await page.getByRole('table').getByText('Fenna Jolijn van der Proefstra').first().waitFor();
    // Search by name narrows nothing here (same person), by kenmerk to one.
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill(A);
    await page.getByRole('button', { name: 'Toepassen' }).click();
    // The search comes back sealed: the kenmerk (or a BSN, a name) never stands in the URL.
    await page.waitForURL((u) => u.searchParams.has('zoek'));
    expect(page.url()).not.toContain(A);
    await expect(page.getByRole('link', { name: B }).count()).resolves.toBe(0);
    const searches = await env.t.db.auditEvent.count({
      where: { actorId: user.id, action: 'melding.zoeken' },
    });
    expect(searches).toBeGreaterThan(0);
  });

  it('open, assess, request an aanvulling that reaches the officer, see the reply, resume and close', async () => {
    const A = 'PL1300-2026111911';
    await delivered(A);
    const page = await signedInPage();
    await page.getByRole('link', { name: A }).click();
    await page.getByRole('heading', { name: `Melding ${A}` }).waitFor();
    await page.getByText('Reden aanmelding', { exact: true }).first().waitFor();

    await openPanel(page, 'Beoordelen');
    await page.getByLabel('Onvoldoende informatie — nader onderzoek').check();
    await page.getByLabel('Prioriteit').selectOption('HOOG');
    await page.getByLabel('Reden (verplicht)').fill('Onvoldoende zicht op de woonsituatie en het netwerk.');
    await page.getByLabel('Verward gedrag').check();
    await page.getByLabel('Eenzaamheid').check();
    await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await page.getByText('Beoordeling door Mila Medewerker').waitFor();
    await expect(page.getByTestId('soorten').textContent()).resolves.toBe('Verward gedrag, Eenzaamheid');
    await expect(page.getByTestId('gemeente').textContent()).resolves.toContain(
      'plaatsnaam uit het formulier',
    );

    await openPanel(page, 'Verzoek om aanvulling');
    const body = page.locator('#aanvulling-body');
    await expect(body.inputValue()).resolves.toContain(`kenmerk ${A}`);
    await body.fill(`${await body.inputValue()}\nIs er een contactpersoon in het netwerk bekend?`);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).first().click();
    const preview = page.getByLabel('Voorbeeld van de mail');
    await expect(preview.textContent()).resolves.toContain(OFFICER);
    await expect(preview.textContent()).resolves.toContain(
      `Verzoek om aanvulling op melding niet-acute zorg met ${A}`,
    );
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Verzoek om aanvulling staat klaar').waitFor();

    const sent = await waitFor(
      'the aanvulling at the SMTP receiver',
      mailTo(`Verzoek om aanvulling op melding niet-acute zorg met ${A}`),
      30_000,
    );
    expect(sent.envelope.to).toEqual([OFFICER]);
    expect(sent.text).toContain('Is er een contactpersoon in het netwerk bekend?');
    expect(sent.text).not.toContain('Proefstra');
    await page.reload();
    await page.getByText('Aanvulling gevraagd', { exact: true }).first().waitFor();
    await waitFor(
      'delivery state shown',
      async () => {
        await page.reload();
        return (await page.getByText(`Verzoek om aanvulling aan ${OFFICER} — Verzonden`).count()) > 0;
      },
      20_000,
      1000,
    );

    // The officer answers; ingestion threads the reply onto the melding.
    await env.deliver(
      await composeRaw({
        from: OFFICER,
        subject: `RE: ${sent.subject}`,
        text: 'Contactpersoon is de zus van betrokkene, bereikbaar via de wijkagent.',
        inReplyTo: sent.messageId,
        references: [sent.messageId!],
      }),
    );
    await waitFor(
      'reply on the timeline',
      async () => {
        await page.reload();
        return (await page.getByText('Contactpersoon is de zus van betrokkene').count()) > 0;
      },
      30_000,
      1000,
    );
    await page.getByText('Reactie ontvangen', { exact: true }).first().waitFor();
    // The reply ended the wait for the aanvulling: in behandeling again, no resume needed.
    await page.locator('header').getByText('In behandeling', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'Behandeling hervatten' }).count()).resolves.toBe(0);
    await openPanel(page, 'Afronden');
    await page.getByLabel('Uitkomst').selectOption('TOEGELEID');
    await page.getByLabel('Toelichting').fill('Aangemeld bij het wijkteam.');
    await page.getByRole('button', { name: 'Melding afronden' }).click();
    // Closed: the header says so and the actions for open meldingen are gone.
    await page.locator('header').getByText('Toegeleid naar zorg').waitFor();
    await expect(page.getByRole('button', { name: 'Melding afronden' }).count()).resolves.toBe(0);
    const m = await env.t.db.melding.findFirstOrThrow({ where: { kenmerk: A } });
    expect(m).toMatchObject({ status: 'AFGEROND', uitkomst: 'TOEGELEID', reactieOntvangen: true });
    expect(await auditedOn(A)).toEqual(
      expect.arrayContaining([
        'melding.bekeken',
        'melding.beoordeeld',
        'melding.aanvulling_gevraagd',
        'melding.afgerond',
      ]),
    );
  });

  it('redirects the second melding with "niet in behandeling": the protocol mail to the officer, closed', async ({
    onTestFinished,
  }) => {
    const [A, B] = ['PL1300-2026111921', 'PL1300-2026111922'];
    await delivered(A, B);
    const page = await signedInPage();
    await page.getByRole('link', { name: B }).click();
    await page.getByRole('heading', { name: `Melding ${B}` }).waitFor();
    // The first melding about the same person is listed as an eerdere melding.
    await page.getByRole('link', { name: A }).waitFor();
    await openPanel(page, 'Niet in behandeling');
    // The afstemming with the officer comes first (afspraak 1); the mail is written from it.
    await page.locator('#nib-at').fill('2026-12-01T10:30');
    await page.locator('#nib-with').fill('J. Testagent');
    await page.locator('#nib-outcome').fill('Afgesproken dat Veilig Thuis de melding oppakt.');
    await page.getByLabel('Geadviseerd loket').fill('Veilig Thuis');
    await page
      .getByLabel('Reden', { exact: true })
      .fill('Signalen van huiselijk geweld; besproken met de agent.');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).last().click();
    // The mailbox keeps copies in a folder the IMAP server refuses: the mail still goes, and its timeline entry says the copy failed.
    await env.t.db.mailbox.update({ where: { id: env.mailbox.id }, data: { sentFolder: '~Verzonden' } });
    onTestFinished(() =>
      env.t.db.mailbox
        .update({ where: { id: env.mailbox.id }, data: { sentFolder: env.mailbox.sentFolder } })
        .then(() => {}),
    );
    await page.getByRole('button', { name: 'Bevestiging versturen en afronden' }).click();
    await page.locator('header').getByText('Niet in behandeling (Veilig Thuis)').waitFor();
    const sent = await waitFor(
      'the niet-in-behandeling mail',
      mailTo(`reply op melding niet acute zorg met ${B}`),
      30_000,
    );
    expect(sent.envelope.to).toEqual([OFFICER]);
    expect(sent.subject?.startsWith(`reply op melding niet acute zorg met ${B}`)).toBe(true);
    expect(sent.text).toContain('Zoals op 1 december 2026 telefonisch afgestemd met J. Testagent');
    expect(sent.text).toContain('Reden: Signalen van huiselijk geweld; besproken met de agent.');
    expect(sent.text).toContain('Geadviseerd loket: Veilig Thuis');
    expect(sent.text).not.toMatch(/\{[a-zA-Z]+\}/);
    await waitFor(
      'the copy note on the timeline',
      async () => {
        await page.reload();
        return (
          (await page.getByText('Verzonden, maar geen kopie in de map "~Verzonden" van de mailbox').count()) >
          0
        );
      },
      20_000,
      1000,
    );
    await expect(page.getByText('Laatste fout').count()).resolves.toBe(0);
    const m = await env.t.db.melding.findFirstOrThrow({ where: { kenmerk: B } });
    expect(m).toMatchObject({
      status: 'AFGEROND',
      uitkomst: 'NIET_IN_BEHANDELING',
      loketAdvies: 'Veilig Thuis',
    });
    // Every view and action was audited with the medewerker as actor.
    expect(await auditedOn(B)).toEqual(
      expect.arrayContaining(['melding.bekeken', 'melding.niet_in_behandeling']),
    );
  });
});
