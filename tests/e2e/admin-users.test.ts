/**
 * Users, templates and the audit log in Chromium against the real app: a beheerder invites a
 * user (one-time password shown once), deactivates someone whose session is open (their next
 * request is refused), exports the access review; edits a template with a live preview; searches
 * the audit log by person and exports it — each export audited.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, personKey } from '../../lib/audit/audit';
import { verifyPassword } from '../../lib/auth/password';
import type { TTestDb } from '../support/db';
import { createUserWithTotp, signInBrowser, signInHttp, type TTestUser } from '../support/sign-in';
import type { TWeb } from '../support/web';
import { startWebApp } from '../support/web-app';

let db: TTestDb;
let web: TWeb;
let browser: Browser;
let stop: () => Promise<void>;
let page: Page;
let beheerder: TTestUser;
let medewerker: TTestUser;
const problems: string[] = [];

beforeAll(async () => {
  ({
    t: db,
    web,
    browser,
    stop,
  } = await startWebApp({
    seed: async (db) => {
      beheerder = await createUserWithTotp(db.db, { role: 'BEHEERDER' });
      medewerker = await createUserWithTotp(db.db, { role: 'MEDEWERKER', name: 'Mia Medewerker' });
    },
  }));
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await signInBrowser(page, web.url, beheerder);
}, 600_000);

afterAll(() => stop?.());

const hydrated = () =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('form')].some((f) => Object.keys(f).some((k) => k.startsWith('__react'))),
  );
const userRow = (email: string) => page.locator(`tr[data-user="${email}"]`);

describe('users', () => {
  it('invites a user and shows the one-time password once', async () => {
    await page.goto(`${web.url}/beheer/gebruikers`);
    await hydrated();
    await page.getByLabel('E-mailadres').fill('nieuwe.collega@meldpunt.test');
    await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Collega');
    await page.getByLabel('Rol', { exact: true }).selectOption('COORDINATOR');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    const password = (await page.getByTestId('eenmalig-wachtwoord').textContent())!.trim();
    expect(password).toMatch(/^\S{20}$/);
    const row = await db.db.user.findUniqueOrThrow({ where: { email: 'nieuwe.collega@meldpunt.test' } });
    expect(row).toMatchObject({ role: 'COORDINATOR', mustChangePassword: true });
    expect(await verifyPassword(row.passwordHash!, password)).toBe(true);
    // Shown once: a reload no longer has it.
    await page.reload();
    expect(await page.content()).not.toContain(password);
  });

  it('deactivates a user: their open session is refused on its next request', async () => {
    const cookie = await signInHttp(web.url, medewerker);
    expect((await fetch(`${web.url}/meldingen`, { headers: { cookie }, redirect: 'manual' })).status).toBe(
      200,
    );
    await page.goto(`${web.url}/beheer/gebruikers`);
    await hydrated();
    await userRow(medewerker.email).getByRole('button', { name: 'Deactiveren' }).click();
    await page.getByText('Gebruiker gedeactiveerd; alle sessies zijn beëindigd').waitFor();
    const next = await fetch(`${web.url}/meldingen`, { headers: { cookie }, redirect: 'manual' });
    expect(next.status).toBe(307);
    expect(next.headers.get('location')).toMatch(/\/login/);
    expect(await db.db.session.count({ where: { userId: medewerker.id, revokedAt: null } })).toBe(0);
    await expect(signInHttp(web.url, medewerker)).rejects.toThrow();
  });

  it('exports the access review as CSV, and the export is audited', async () => {
    await page.goto(`${web.url}/beheer/gebruikers/toegang`);
    await expect(
      page.getByRole('row', { name: new RegExp(medewerker.email) }).textContent(),
    ).resolves.toContain('Gedeactiveerd');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporteren (CSV)' }).click(),
    ]);
    const csv = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csv).toContain(`"${medewerker.email}";"Mia Medewerker";"Medewerker";"gedeactiveerd";"ingesteld"`);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + (await db.db.user.count()));
    expect(await db.db.auditEvent.count({ where: { action: 'toegang.export', actorId: beheerder.id } })).toBe(
      1,
    );
  });
});

describe('templates', () => {
  it('previews the text as it is typed, keeps the protocol subject fixed, and saves', async () => {
    await page.goto(`${web.url}/beheer/sjablonen`);
    await hydrated();
    const subject = page.locator('#tpl-AANVULLING-subject');
    await expect(subject.getAttribute('readonly')).resolves.not.toBeNull();
    await page
      .locator('#tpl-AANVULLING-body')
      .fill('Beste {behandelaar}, graag meer over {kenmerk} ({initialen}). Groet, {meldpuntNaam}');
    const preview = page.getByTestId('voorbeeld-AANVULLING');
    await expect(preview.textContent()).resolves.toContain(
      'Beste A. Agent, graag meer over PL1300-2026000123 (J.P. de V.). Groet, Meldpunt niet-acute zorg',
    );
    await expect(preview.textContent()).resolves.toContain(
      'Verzoek om aanvulling op melding niet-acute zorg met PL1300-2026000123',
    );
    await page.locator('#tpl-AANVULLING-body').fill('Beste {naam}');
    await page.locator('p[role=alert]', { hasText: 'Onbekende invulvelden: {naam}' }).waitFor();
    await page
      .locator('#tpl-AANVULLING-body')
      .fill('Beste {behandelaar}, graag meer informatie over {kenmerk}.');
    await page
      .locator('section[aria-labelledby=tpl-AANVULLING-title]')
      .getByRole('button', { name: 'Opslaan' })
      .click();
    await page.getByText('Sjabloon opgeslagen').waitFor();
    expect(await db.db.mailTemplate.findUniqueOrThrow({ where: { kind: 'AANVULLING' } })).toMatchObject({
      body: 'Beste {behandelaar}, graag meer informatie over {kenmerk}.',
      subject: 'Verzoek om aanvulling op melding niet-acute zorg met {kenmerk}',
    });
  });
});

describe('audit log', () => {
  it('finds a person by BSN without the BSN in the URL, shows their timeline and exports it, audited', async () => {
    const key = personKey({ bsn: '111222333' });
    await audit(db.db, {
      actor: { id: medewerker.id, label: medewerker.email },
      action: 'melding.inzien',
      objectType: 'melding',
      objectId: '5b8f6a52-8d1e-4c7a-9f0e-1a2b3c4d5e6f',
      personKey: key,
    });
    await audit(db.db, {
      actor: { id: medewerker.id, label: medewerker.email },
      action: 'melding.status',
      objectType: 'melding',
      objectId: '5b8f6a52-8d1e-4c7a-9f0e-1a2b3c4d5e6f',
      personKey: key,
    });
    await page.goto(`${web.url}/beheer/audit`);
    await hydrated();
    await page.getByLabel('BSN van een persoon').fill('111222333');
    await page.getByRole('button', { name: 'Tijdlijn van persoon' }).click();
    await page.waitForURL((u) => u.searchParams.get('personKey') === key);
    expect(page.url()).not.toContain('111222333');
    await expect(page.getByText('2 gebeurtenissen over deze persoon.').isVisible()).resolves.toBe(true);
    const actions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    // Shown in words (an action without a label of its own reads as its words, never as the code).
    expect(actions).toEqual(['Melding inzien', 'Melding status']);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporteren (CSV)' }).click(),
    ]);
    const csv = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    expect(csv).toContain('"melding.status"');
    const exported = await db.db.auditEvent.findFirstOrThrow({ where: { action: 'audit.export' } });
    expect(exported).toMatchObject({ actorId: beheerder.id, personKey: key, details: { rijen: 2 } });

    // Per user: everything the medewerker did, chronologically, from a link in the log.
    await page.goto(`${web.url}/beheer/audit?user=${medewerker.id}&order=asc`);
    const userActions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(userActions.slice(-2)).toEqual(['Melding inzien', 'Melding status']);
    expect(problems).toEqual([]);
  });
});

describe('settings and overview', () => {
  it('saves the settings from the page and raises the sync alert on the overview by that threshold', async () => {
    await page.goto(`${web.url}/beheer/instellingen`);
    await hydrated();
    await page.getByLabel('Naam van het meldpunt').fill('Meldpunt Zorg en Overlast');
    await page.getByLabel('Synchronisatie-alarm (minuten)').fill('10');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Instellingen opgeslagen').waitFor();
    expect(await db.db.setting.findUniqueOrThrow({ where: { key: 'syncAlarmMinuten' } })).toMatchObject({
      value: 10,
      updatedById: beheerder.id,
    });

    const at = new Date(Date.now() - 20 * 60_000);
    await db.db.mailbox.create({
      data: {
        name: 'Stil',
        imapHost: '127.0.0.1',
        smtpHost: '127.0.0.1',
        username: 'x',
        secretEnc: 'v1:x:y:z:w',
        fromAddress: 'a@gemeente.example',
        signalRecipient: 'b@politie.example',
        lastSyncAt: at,
        createdAt: at,
      },
    });
    await page.goto(`${web.url}/beheer`);
    await expect(
      page.getByRole('link', { name: /^Stil: langer dan 10 minuten niet gesynchroniseerd/ }).isVisible(),
    ).resolves.toBe(true);
    for (const section of [
      'Mailboxen',
      'Gebruikers',
      'Sjablonen',
      'Werkgebied',
      'Bewaartermijn en rechten',
      'Auditlog',
      'Instellingen',
    ]) {
      await expect(
        page.getByRole('link', { name: section, exact: true }).count(),
        section,
      ).resolves.toBeGreaterThan(0);
    }
  });
});
