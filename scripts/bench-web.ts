/**
 * `npm run bench:web`: 100,000 fictitious meldingen (with status history, ledger rows and audit
 * events) in a throwaway PostgreSQL, then the server-side time of what the dashboard's pages
 * call: the inbox's first page, a filtered page, a name search and a melding's page (all its
 * lib/ verbs, as the page makes them). Prints, as its last line, one JSON object with p50
 * and p95 in milliseconds for each. Target (issue 5): p95 < 150 ms.
 */
import './quiet-logs';
import { createDb } from '../lib/db/client';
import { getEerdereMeldingen } from '../lib/melding/get-eerdere-meldingen';
import { getMailDraft } from '../lib/melding/get-mail-draft';
import { getMeldingById } from '../lib/melding/get-melding-by-id';
import { getMeldingEmail } from '../lib/melding/get-melding-email';
import { getMeldingTimeline } from '../lib/melding/get-melding-timeline';
import { listMedewerkers } from '../lib/users/list-medewerkers';
import { listMeldingen } from '../lib/melding/list-meldingen';
import { sampleFormulier } from '../tests/fixtures/generator/people';
import { percentile } from './percentile';
import { startThrowawayPostgres } from './throwaway-postgres';

const N = Number(process.env.BENCH_MELDINGEN ?? 100_000);
const REPS = Number(process.env.BENCH_REPS ?? 200);
const note = (s: string) => process.stderr.write(`${s}\n`);
const round = (x: number) => Math.round(x * 10) / 10;

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

async function main() {
  const pg = await startThrowawayPostgres('bench-web');
  const db = createDb(pg.url, 10);
  try {
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

    if (process.env.BENCH_HOLD) {
      note(`holding the database at ${pg.url}; stop with Ctrl-C`);
      await new Promise((r) => process.once('SIGINT', r));
      return;
    }
    const user = { id: users[0]!.id, email: users[0]!.email, role: 'MEDEWERKER' as const };
    const acting = {
      db,
      user,
      actor: { id: user.id, label: user.email, ip: '127.0.0.1', userAgent: 'bench-web' },
    };
    const detailIds = (
      await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Melding" ORDER BY random() LIMIT ${REPS}`)
    ).map((r) => r.id);
    const surnames = STAM.flatMap((s, i) => (i % 3 === 0 ? [`${s}${STAART[i % 25]}`] : []));
    const scenarios: Record<string, (i: number) => Promise<unknown>> = {
      inboxFirstPage: () => listMeldingen({ ...acting, filter: {} }),
      filteredPage: (i) =>
        listMeldingen({
          ...acting,
          filter: {
            status: 'AFGEROND',
            badges: ['telefonisch'],
            van: '2025-06-01',
            tot: '2026-06-30',
            pagina: 2 + (i % 5),
          },
        }),
      nameSearch: (i) =>
        listMeldingen({
          ...acting,
          filter: { q: surnames[i % surnames.length]!.toLowerCase(), status: 'alle' },
        }),
      meldingDetail: async (i) => {
        const meldingId = detailIds[i % detailIds.length]!;
        await getMeldingById({ ...acting, meldingId });
        await Promise.all([
          getMeldingTimeline({ ...acting, meldingId }),
          getEerdereMeldingen({ ...acting, meldingId }),
          getMeldingEmail({ ...acting, meldingId }),
          listMedewerkers(acting),
          getMailDraft({ ...acting, meldingId, kind: 'AANVULLING' }),
          getMailDraft({ ...acting, meldingId, kind: 'NIET_IN_BEHANDELING' }),
        ]);
      },
    };
    const result: Record<string, { p50: number; p95: number; n: number }> = {};
    for (const [name, run] of Object.entries(scenarios)) {
      for (let i = 0; i < 20; i += 1) await run(i + 1000);
      const times: number[] = [];
      for (let i = 0; i < REPS; i += 1) {
        const t0 = performance.now();
        await run(i);
        times.push(performance.now() - t0);
      }
      result[name] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), n: REPS };
      note(`${name}: p50 ${result[name].p50} ms, p95 ${result[name].p95} ms`);
    }
    const check = await listMeldingen({ ...acting, filter: { q: surnames[0]!, status: 'alle' } });
    note(
      `name search "${surnames[0]}" finds ${check.total} meldingen; inbox holds ${(await listMeldingen({ ...acting, filter: { status: 'alle' } })).total}`,
    );
    console.log(JSON.stringify({ meldingen: N, repetitions: REPS, unit: 'ms', ...result }));
  } finally {
    await db.$disconnect();
    await pg.stop();
  }
}

await main();
