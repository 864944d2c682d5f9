/**
 * Mailbox administration in Chromium against the real app, a private Dovecot and an SMTP
 * receiver: a beheerder adds a mailbox through the form, tests the connection (right password,
 * then a wrong one), and the secret never reaches the page HTML, any response or the server log.
 * Other roles do not find the pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '../../lib/secrets/crypto';
import { mailboxSecretContext } from '../../lib/secrets/secret-context';
import { getKeyring } from '../../lib/secrets/keyring';
import { launchBrowser } from '../support/browser';
import { createTestDb, type TTestDb } from '../support/db';
import { startDovecot, type TDovecot } from '../support/dovecot';
import { createUserWithTotp, signInBrowser, signInHttp, type TTestUser } from '../support/sign-in';
import { startSmtpReceiver, type TSmtpReceiver } from '../support/smtp-receiver';
import { startWeb, type TWeb } from '../support/web';

const SECRET = 'Imap-Geheim-Mag-Nergens-Staan-5309';
const WRONG = 'Fout-Geheim-Ook-Niet-Tonen-8812';
let db: TTestDb;
let web: TWeb;
let browser: Browser;
let dovecot: TDovecot;
let smtp: TSmtpReceiver;
let beheerder: TTestUser;
let medewerker: TTestUser;

beforeAll(async () => {
  db = await createTestDb();
  dovecot = await startDovecot({ users: [{ user: 'meldpunt', password: SECRET }] });
  smtp = await startSmtpReceiver();
  beheerder = await createUserWithTotp(db.db, { role: 'BEHEERDER' });
  medewerker = await createUserWithTotp(db.db, { role: 'MEDEWERKER' });
  web = await startWeb({ databaseUrl: db.url, env: { LOG_LEVEL: 'debug' } });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await smtp?.stop();
  await dovecot?.stop();
  await db?.drop();
});

/** Every response body the page received (documents, RSC payloads, server action results). */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (r) => {
    void r.text().then(
      (t) => bodies.push(t),
      () => {},
    );
  });
  return bodies;
}

const hydrated = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('form')].some((f) => Object.keys(f).some((k) => k.startsWith('__react'))),
  );

describe('mailboxes in the browser', () => {
  it('adds a mailbox, tests the connection, and never shows or returns the secret', async () => {
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const bodies = recordResponses(page);
    await signInBrowser(page, web.url, beheerder);
    await page.goto(`${web.url}/beheer`);
    await expect(page.getByText('Er is geen actieve mailbox').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Mailboxen' }).first().click();
    await page.getByRole('link', { name: 'Nieuwe mailbox' }).click();
    await hydrated(page);

    await page.getByLabel('Naam', { exact: true }).fill('Meldpunt Test');
    await page.getByLabel('IMAP-server').fill(dovecot.host);
    await page.getByLabel('IMAP-poort').fill(String(dovecot.port));
    await page.getByLabel('IMAP-beveiliging').selectOption('none');
    await page.getByLabel('SMTP-server').fill(smtp.host);
    await page.getByLabel('SMTP-poort').fill(String(smtp.port));
    await page.getByLabel('SMTP-beveiliging').selectOption('none');
    await page.getByLabel('Afzenderadres').fill('meldpunt@gemeente.example');
    await page.getByLabel('Gebruikersnaam').fill('meldpunt');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(SECRET);
    await page.getByLabel('Ontvanger van signalen').fill('signalen@politie-keten.example');
    await page.getByRole('button', { name: 'Mailbox aanmaken' }).click();
    await page.waitForURL(/\/beheer\/mailboxen\/[0-9a-f-]{36}\?aangemaakt=1/);
    const id = /mailboxen\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const row = await db.db.mailbox.findUniqueOrThrow({ where: { id } });
    expect(decryptSecret(row.secretEnc, getKeyring(), mailboxSecretContext(id))).toBe(SECRET);
    expect(row).toMatchObject({
      imapTls: 'none',
      imapPort: dovecot.port,
      trustedDomains: ['politie.nl'],
      authenticityPolicy: 'ENFORCE',
    });

    // Write-only: the field is empty, marked as set.
    await expect(page.getByLabel('Wachtwoord', { exact: true }).inputValue()).resolves.toBe('');
    await expect(page.getByText('Ingesteld. Laat leeg om het huidige te behouden').isVisible()).resolves.toBe(
      true,
    );

    await hydrated(page);
    await page.getByRole('button', { name: 'Verbinding testen' }).click();
    await page.getByText('Alle stappen geslaagd.').waitFor();
    for (const step of ['imap', 'folders', 'smtp'])
      await expect(page.locator(`li[data-step=${step}]`).textContent()).resolves.toContain('Gelukt');

    // A wrong password: saved through the form, then the test names it.
    await page.getByLabel('Wachtwoord', { exact: true }).fill(WRONG);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Wijzigingen opgeslagen').waitFor();
    await page.getByRole('button', { name: 'Verbinding testen' }).click();
    await page.getByText('De verbinding werkt niet').waitFor();
    await expect(page.locator('li[data-step=imap]').textContent()).resolves.toMatch(
      /Mislukt.*gebruikersnaam of wachtwoord klopt niet/,
    );

    // A form error keeps what was typed (and says what is wrong, in Dutch).
    await page.getByLabel('Ontvanger van signalen').fill('geen-adres');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(SECRET);
    await page
      .getByLabel('Ontvanger van signalen')
      .evaluate((el) => el.closest('form')!.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('p[role=alert]', { hasText: 'signalRecipient' }).waitFor();
    await expect(page.getByLabel('Ontvanger van signalen').inputValue()).resolves.toBe('geen-adres');
    expect(
      decryptSecret(
        (await db.db.mailbox.findUniqueOrThrow({ where: { id } })).secretEnc,
        getKeyring(),
        mailboxSecretContext(id),
      ),
    ).toBe(WRONG);

    // Nothing the browser received holds a secret; nor does the server's log.
    const html = await (
      await fetch(`${web.url}/beheer/mailboxen/${id}`, {
        headers: { cookie: await signInHttp(web.url, beheerder) },
      })
    ).text();
    expect(html).toContain('Meldpunt Test');
    for (const text of [html, ...bodies, web.output()]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(WRONG);
      expect(text).not.toContain(row.secretEnc);
    }
    const audit = await db.db.auditEvent.findMany({ where: { objectId: id } });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['mailbox.create', 'mailbox.test', 'mailbox.update']),
    );
    expect(JSON.stringify(audit.map((e) => e.details))).not.toContain(WRONG);
    expect(problems).toEqual([]);
  });

  it('shows the administration to beheerders only', async () => {
    const cookie = await signInHttp(web.url, medewerker);
    for (const path of [
      '/beheer',
      '/beheer/mailboxen',
      '/beheer/gebruikers',
      '/beheer/audit',
      '/beheer/gebruikers/toegang/export',
      '/beheer/audit/export',
    ]) {
      const res = await fetch(`${web.url}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, path).toBe(404);
    }
    const anon = await fetch(`${web.url}/beheer/mailboxen`, { redirect: 'manual' });
    expect(anon.status).toBe(307);
    expect(anon.headers.get('location')).toMatch(/\/login/);
  });
});
