/**
 * Screenshots for the README (docs/triage-inbox.png sorted by priority, docs/triage-melding.png,
 * docs/beheer-audit.png, docs/niet-gevonden.png), made with Debian's Chromium against the real app and a throwaway
 * PostgreSQL holding a dozen fictitious meldingen. Run: node --conditions=react-server --import tsx scripts/screenshots-triage.ts
 */
import './quiet-logs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../lib/db/client';
import { addNote } from '../lib/melding/add-note';
import { assessMelding } from '../lib/melding/assess-melding';
import { correctMeldingField } from '../lib/melding/correct-melding-field';
import { requestAanvulling } from '../lib/melding/request-aanvulling';
import { OFFICERS, PEOPLE } from '../tests/fixtures/generator/people';
import { launchBrowser } from '../tests/support/browser';
import { seedMailbox, seedMelding } from '../tests/support/melding-seed';
import { createUserWithTotp, signInBrowser } from '../tests/support/sign-in';
import { startWeb } from '../tests/support/web';
import { startThrowawayPostgres } from './throwaway-postgres';

const ROOT = path.resolve(import.meta.dirname, '..');
const DAY = 86_400_000;

async function main() {
  const pg = await startThrowawayPostgres('shots');
  const db = createDb(pg.url, 4);
  let stopWeb: (() => Promise<void>) | null = null;
  let closeBrowser: (() => Promise<void>) | null = null;
  try {
    const mailboxId = (await seedMailbox(db)).id;
    const user = await createUserWithTotp(db, { role: 'MEDEWERKER', name: 'Mila de Medewerker' });
    const collega = await createUserWithTotp(db, { role: 'MEDEWERKER', name: 'Jorrit Collega' });
    const beheerder = await createUserWithTotp(db, { role: 'BEHEERDER', name: 'Bea Beheerder' });
    const now = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const person = PEOPLE[i % PEOPLE.length]!;
      const m = await seedMelding(db, {
        mailboxId,
        receivedAt: new Date(now - i * 0.6 * DAY - 3_600_000),
        formulier: {
          kenmerk: `PL1300-20261${String(12345 - i).padStart(5, '0')}`,
          betrokkene: person,
          behandelaar: OFFICERS[i % OFFICERS.length]!,
          telefonischContactGewenst: i % 3 === 0 ? 'ja' : 'nee',
          veiligThuisGemeld: i % 5 === 2 ? 'ja' : 'nee',
        },
        warnings:
          i % 4 === 1
            ? [
                {
                  field: 'betrokkene.geboortedatum',
                  message: 'Geboortedatum slecht leesbaar; controleer het origineel',
                },
              ]
            : [],
      });
      ids.push(m.id);
      await db.melding.update({
        where: { id: m.id },
        data: {
          herhaling: i >= PEOPLE.length,
          buitenWerkgebied: i === 6,
          authenticityVerified: i !== 4,
          assigneeId: i % 4 === 2 ? collega.id : null,
        },
      });
    }
    const acting = {
      db,
      user: { id: user.id, email: user.email, role: user.role },
      actor: { id: user.id, label: user.email },
    };
    const featured = ids[1]!;
    await correctMeldingField({
      ...acting,
      meldingId: featured,
      field: 'betrokkene.adres',
      value: 'Denkbeeldstraat 7B',
    });
    await assessMelding({
      ...acting,
      meldingId: featured,
      uitkomst: 'NADER_ONDERZOEK',
      prioriteit: 'HOOG',
      reden: 'Onvoldoende zicht op de woonsituatie en het netwerk van betrokkene.',
    });
    await requestAanvulling({
      ...acting,
      meldingId: featured,
      body: 'Beste A. van Verzinselen,\n\nIs er een contactpersoon in het netwerk van betrokkene bekend?\n\nMet vriendelijke groet,\nMeldpunt niet-acute zorg',
    });
    await addNote({
      ...acting,
      meldingId: featured,
      text: 'Wijkteam Noord-Fictief gebeld; terugbelverzoek staat uit.',
    });
    await assessMelding({
      ...acting,
      meldingId: ids[3]!,
      uitkomst: 'GEEN_REDEN',
      prioriteit: 'LAAG',
      reden: 'Eenmalig incident; betrokkene heeft hulp.',
    });

    const web = await startWeb({ databaseUrl: pg.url });
    stopWeb = web.stop;
    const browser = await launchBrowser();
    closeBrowser = () => browser.close();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signInBrowser(page, web.url, user);
    mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    await page.goto(`${web.url}/meldingen?sort=prioriteit`);
    await page.screenshot({ path: path.join(ROOT, 'docs/triage-inbox.png') });
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.goto(`${web.url}/meldingen/${featured}`);
    await page.screenshot({ path: path.join(ROOT, 'docs/triage-melding.png') });
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(`${web.url}/bestaat-niet`);
    await page.screenshot({ path: path.join(ROOT, 'docs/niet-gevonden.png') });
    const admin = await (await browser.newContext()).newPage();
    await admin.setViewportSize({ width: 1280, height: 900 });
    await signInBrowser(admin, web.url, beheerder);
    await admin.goto(`${web.url}/beheer/audit`);
    await admin.screenshot({ path: path.join(ROOT, 'docs/beheer-audit.png') });
    process.stderr.write(
      'docs/triage-inbox.png, triage-melding.png, niet-gevonden.png, beheer-audit.png written\n',
    );
  } finally {
    await closeBrowser?.();
    await stopWeb?.();
    await db.$disconnect();
    await pg.stop();
  }
}

await main();
