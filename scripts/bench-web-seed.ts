/**
 * The dataset of the web benchmarks (bench:web, bench:web-load): `n` fictitious meldingen, newest
 * first with the latest ~1 % still open, each with status history, assessment, ledger row, sent
 * signal and three audit events, as a year of a busy meldpunt leaves them; then VACUUM ANALYZE.
 */
import type { TDb } from '../lib/db/client';
import { sampleFormulier } from '../tests/fixtures/generator/people';

// Invented name parts: 40 × 25 surnames, each shared by ~100 meldingen.
const STAM = [
  'Proef',
  'Verzin',
  'Fictief',
  'Bedenk',
  'Denkbeeld',
  'Zandhuys',
  'Wolken',
  'Berg',
  'Nergens',
  'Droom',
  'Schets',
  'Ontwerp',
  'Plaats',
  'Vrij',
  'Mist',
  'Kiezel',
  'Lantaarn',
  'Molen',
  'Polder',
  'Dijk',
  'Sloot',
  'Veen',
  'Heuvel',
  'Beek',
  'Linde',
  'Eiken',
  'Wilg',
  'Riet',
  'Klaver',
  'Distel',
  'Hazel',
  'Vlier',
  'Duin',
  'Kreek',
  'Wad',
  'Kade',
  'Brug',
  'Toren',
  'Poort',
  'Hof',
];
const STAART = [
  'stra',
  'maker',
  'velder',
  'kamp',
  'huis',
  'man',
  'hof',
  'inga',
  'sma',
  'ema',
  'werf',
  'horst',
  'donk',
  'broek',
  'rode',
  'lo',
  'berg',
  'dijk',
  'meer',
  'veld',
  'hout',
  'burg',
  'stein',
  'wijk',
  'zand',
];
const VOORNAMEN = [
  'Fenna',
  'Maarten',
  'Chloë',
  'Björn',
  'Gerrit',
  'Zoë',
  'Mohamed',
  'Sanne',
  'Daan',
  'Fatima',
  'Noah',
  'Emma',
  'Lucas',
  'Julia',
  'Sem',
  'Tess',
  'Yara',
  'Milan',
  'Lotte',
  'Ayoub',
];
const REDEN = [
  'Betrokkene werd aangetroffen in verwarde toestand op straat.',
  'Buren maken zich zorgen over vervuiling van de woning.',
  'Betrokkene gaf aan al dagen niet te hebben gegeten.',
  'Er is sprake van oplopende schulden en dreigende huisuitzetting.',
  'Betrokkene liep ’s nachts zonder schoenen over de dijk.',
  'Familie is bezorgd over vergeetachtigheid en dwaalgedrag.',
  'Betrokkene belt herhaaldelijk de meldkamer zonder acute reden.',
  'De woning is koud; de verwarming is afgesloten.',
  'Betrokkene maakt een sombere indruk en zegt geen toekomst te zien.',
  'Overlast door geluid en verward praten in het trappenhuis.',
];
const PLAATSEN = [
  'Rotterdam',
  'Schiedam',
  'Vlaardingen',
  'Spijkenisse',
  'Capelle aan den IJssel',
  'Maassluis',
  'Barendrecht',
  'Ridderkerk',
];

/** Seeds the meldingen and six medewerkers (their assignees); `note` reports progress. */
export async function seedBenchMeldingen(opts: { db: TDb; n: number; note: (line: string) => void }) {
  const { db, n: N, note } = opts;
  const started = Date.now();
  const mailbox = await db.mailbox.create({
    data: {
      name: 'bench',
      imapHost: '127.0.0.1',
      smtpHost: '127.0.0.1',
      username: 'x',
      secretEnc: 'x',
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: 'signalen@politie-keten.example',
    },
  });
  const users = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      db.user.create({
        data: {
          email: `medewerker${i}@meldpunt.example`,
          name: `Medewerker ${i}`,
          role: 'MEDEWERKER',
          mustChangePassword: false,
        },
      }),
    ),
  );
  const userIds = users.map((u) => u.id);
  const template = sampleFormulier();
  // One INSERT … SELECT generate_series: newest first, the latest ~1% still open, the rest closed.
  await db.$executeRawUnsafe(
    `INSERT INTO "Melding" (id, "mailboxId", formulier, kenmerk, bsn, voornamen, achternaam, geboortedatum, postcode, plaats, "voorvalPlaats", gemeente, pc4,
       "behandelaarEmail", reden, "telefonischContactGewenst", "veiligThuisGemeld", herhaling, "hasWarnings", "authenticityVerified", status, uitkomst,
       "assigneeId", "receivedAt", "firstAssessedAt", "closedAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid,
       $2::jsonb || jsonb_build_object('kenmerk', k, 'redenAanmelding', r, 'betrokkene', ($2::jsonb->'betrokkene') || jsonb_build_object('bsn', b, 'voornamen', v, 'achternaam', a, 'geboortedatum', g::text, 'plaats', p)),
       k, b, v, a, g, '3011AB', p, p, p, 3011, 'j.testagent@politie.nl', r, i % 3 = 0, i % 11 = 0, i % 7 = 0, i % 13 = 0, i % 17 <> 0,
       (CASE WHEN i <= $5 THEN (ARRAY['ONTVANGEN','IN_BEHANDELING','AANVULLING_GEVRAAGD'])[1 + i % 3] ELSE 'AFGEROND' END)::"MeldingStatus",
       (CASE WHEN i <= $5 THEN NULL ELSE (ARRAY['TOEGELEID','GEEN_VERVOLG','NIET_IN_BEHANDELING','DOORGESTUURD'])[1 + i % 4] END)::"Uitkomst",
       (CASE WHEN i % 5 = 0 THEN NULL ELSE ($6::uuid[])[1 + i % 6] END), at,
       (CASE WHEN i <= $5 AND i % 3 = 0 THEN NULL ELSE at + interval '1 day' END),
       (CASE WHEN i <= $5 THEN NULL ELSE at + interval '9 days' END), now()
     FROM (
       SELECT i, 'PL1300-' || (2024000000 + i) AS k, lpad(((i::bigint * 7919) % 999999999)::text, 9, '0') AS b,
         ($3::text[])[1 + i % 20] AS v, ($4::text[])[1 + (i / 20) % 40] || ($7::text[])[1 + (i / 800) % 25] AS a,
         date '1940-01-01' + (i * 37) % 25000 AS g, ($8::text[])[1 + i % 8] AS p,
         ($9::text[])[1 + i % 10] || ' ' || ($9::text[])[1 + (i / 10) % 10] AS r,
         now() - (i * interval '5 minutes') AS at
       FROM generate_series(1, $10) AS i
     ) s`,
    mailbox.id,
    JSON.stringify(template),
    VOORNAMEN,
    STAM,
    Math.ceil(N / 100),
    userIds,
    STAART,
    PLAATSEN,
    REDEN,
    N,
  );
  note(`meldingen: ${N} in ${Date.now() - started} ms`);
  // What each melding's page reads besides the melding: status history, ledger row, views.
  await db.$executeRawUnsafe(
    `INSERT INTO "StatusChange" (id, "meldingId", "from", "to", "createdAt") SELECT gen_random_uuid(), id, NULL, 'ONTVANGEN', "receivedAt" FROM "Melding"`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "StatusChange" (id, "meldingId", "from", "to", uitkomst, "actorId", "createdAt") SELECT gen_random_uuid(), id, 'IN_BEHANDELING', 'AFGEROND', uitkomst, "assigneeId", "closedAt" FROM "Melding" WHERE status = 'AFGEROND'`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Beoordeling" (id, "meldingId", "authorId", uitkomst, prioriteit, reden, "createdAt") SELECT gen_random_uuid(), id, $1::uuid, 'NADER_ONDERZOEK', 'NORMAAL', 'Onvoldoende zicht op de situatie.', "firstAssessedAt" FROM "Melding" WHERE "firstAssessedAt" IS NOT NULL`,
    userIds[0],
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "InboundMessage" (id, "mailboxId", "uidValidity", uid, "messageId", sha256, size, subject, "fromAddress", "receivedAt", kind, state, "meldingId") SELECT gen_random_uuid(), "mailboxId", 1, row_number() OVER (), '<' || id || '@politie.nl>', md5(id::text), 40000, 'melding niet-acute zorg met ' || kenmerk, 'no-reply@politie.nl', "receivedAt", 'MELDING', 'PROCESSED', id FROM "Melding"`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "OutgoingMail" (id, "mailboxId", "meldingId", kind, recipient, subject, body, "messageId", state, "sentAt", "createdAt") SELECT gen_random_uuid(), "mailboxId", id, 'ACCEPTATIESIGNAAL', 'signalen@politie-keten.example', 'Acceptatiesignaal: melding niet-acute zorg met ' || kenmerk, 'Uw bericht is succesvol verwerkt.', '<' || gen_random_uuid() || '@gemeente.example>', 'SENT', "receivedAt", "receivedAt" FROM "Melding"`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "AuditEvent" (at, "actorId", "actorLabel", action, "objectType", "objectId") SELECT "receivedAt" + (n * interval '1 hour'), "assigneeId", 'medewerker@meldpunt.example', 'melding.bekeken', 'melding', id::text FROM "Melding", generate_series(1, 3) AS n`,
  );
  // As autovacuum would have: GIN pending lists merged, statistics fresh.
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  note(`seeded with history in ${Date.now() - started} ms`);

  // Surnames that occur (one in three stems), for name searches.
  const surnames = STAM.flatMap((s, i) => (i % 3 === 0 ? [`${s}${STAART[i % 25]}`] : []));
  return { users, surnames };
}
