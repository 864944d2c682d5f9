/**
 * `npm run db:seed`: fictitious demo data for a local install — two staff accounts and a handful
 * of meldingen in various states. Every name, BSN and address here is invented. Idempotent.
 */
import { SYSTEM_ACTOR } from '../lib/audit/audit';
import { createDb } from '../lib/db/client';
import { connectForCommand } from '../lib/db/local-instance';
import type { TMeldformulier } from '../lib/form/schema';
import { createUser } from '../lib/users/create-user';
import { toMeldingColumns } from '../lib/melding/to-melding-columns';

type TPerson = [
  voornamen: string,
  voorvoegsel: string | null,
  achternaam: string,
  geboortedatum: string,
  plaats: string,
  postcode: string,
];

const PEOPLE: TPerson[] = [
  ['Jorien', 'van der', 'Velde', '1961-03-14', 'Rotterdam', '3011AB'],
  ['Karim', null, 'Bouzerda', '1987-11-02', 'Schiedam', '3111CD'],
  ['Ans', 'de', 'Wit-Hoogland', '1944-06-30', 'Rotterdam', '3072EF'],
  ['Teun', "in 't", 'Veld', '1999-01-21', 'Vlaardingen', '3131GH'],
  ['Mirjam', null, 'Oudendijk', '1972-08-09', 'Capelle aan den IJssel', '2901JK'],
];

function formulier(
  i: number,
  [voornamen, voorvoegsel, achternaam, geboortedatum, plaats, postcode]: TPerson,
): TMeldformulier {
  const day = String(10 + i).padStart(2, '0');
  return {
    schema: 'meldformulier/1',
    kenmerk: `PL1300-2026${String(900100 + i)}`,
    organisatieonderdeel: 'Eenheid Rotterdam, basisteam Maasboulevard',
    behandelaar: { naam: 'A.B. Demo', telefoon: '0612345678', email: 'a.demo@politie.nl' },
    betrokkene: {
      bsn: null,
      voornamen,
      voorvoegsel,
      achternaam,
      geboortedatum,
      geboorteplaats: plaats,
      geboorteland: 'Nederland',
      geslacht: 'onbekend',
      adres: `Demostraat ${i + 1}`,
      postcode,
      plaats,
      land: 'Nederland',
      telefoonnummers: [],
    },
    voorval: { van: `2026-11-${day}T14:35`, tot: `2026-11-${day}T14:35`, postcode, plaats },
    meldingTijdstip: `2026-11-${day}T16:10`,
    redenAanmelding:
      'Demomelding met verzonnen gegevens.\nBetrokkene maakte een verwarde indruk en zei al dagen niet te hebben gegeten.',
    veiligThuisGemeld: 'nee',
    hulpverlening: { bestaand: 'niet_bekend', instanties: [] },
    huisarts: { bekend: null, naam: null, adres: null, telefoon: null },
    betrokkeneGeinformeerd: 'ja',
    nietGeinformeerdReden: null,
    telefonischContactGewenst: i % 2 === 0 ? 'ja' : 'nee',
  };
}

const conn = await connectForCommand();
const db = createDb(conn.url, 2);
try {
  for (const [email, role] of [
    ['medewerker@meldpunt.local', 'MEDEWERKER'],
    ['coordinator@meldpunt.local', 'COORDINATOR'],
  ] as const) {
    if (await db.user.findUnique({ where: { email } })) continue;
    const u = await createUser({ db, actor: SYSTEM_ACTOR('seed'), email, role });
    process.stdout.write(
      `${JSON.stringify({ email: u.email, role: u.role.toLowerCase(), password: u.password })}\n`,
    );
  }
  const statuses = ['ONTVANGEN', 'ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD', 'AFGEROND'] as const;
  for (const [i, person] of PEOPLE.entries()) {
    const f = formulier(i, person);
    const columns = toMeldingColumns(f);
    if (await db.melding.findFirst({ where: { kenmerk: f.kenmerk } })) continue;
    await db.melding.create({
      data: {
        formulier: f,
        ...columns,
        status: statuses[i]!,
        uitkomst: statuses[i] === 'AFGEROND' ? 'GEEN_VERVOLG' : null,
        receivedAt: columns.meldingTijdstip ?? new Date(),
      },
    });
  }
  process.stdout.write(
    `Demogegevens aanwezig: ${await db.melding.count()} meldingen, ${await db.user.count()} gebruikers.\n`,
  );
} finally {
  await db.$disconnect();
  await conn.close();
}
