/**
 * `npm run bench:stats`: 1,000,000 fictitious meldingen over five years in a throwaway embedded
 * PostgreSQL — the older ones as MeldingFeit (as the retention job leaves them), the last fifteen
 * months as live Melding rows with their acceptatiesignalen — plus foutmeldingen. Refreshes the
 * statistics views, then times every query behind the statistics page for the last year and for
 * all five years, and a query while a concurrent refresh runs. Prints, as its last line, one JSON
 * object: p50 and p95 in ms per query and period, and the slowest p95.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb } from '../lib/db/client';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { applyMigrations } from '../lib/db/migrate';
import { listStatsKeuzes } from '../lib/stats/list-stats-keuzes';
import { STATS_QUERIES, type TQueryContext } from '../lib/stats/queries';
import { refreshStatistieken } from '../lib/stats/refresh-statistieken';
import { percentile } from './percentile';
import { parseStatsFilter, shiftYears } from '../lib/stats/period';

const TOTAL = Number(process.env.BENCH_MELDINGEN ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TODAY = '2026-11-23';
const START = shiftYears(TODAY, -5);
const LIVE_FROM = '2025-08-23'; // fifteen months: younger meldingen still have personal data
const FOUTMELDINGEN = Math.round(TOTAL / 100);
const note = (s: string) => process.stderr.write(`${s}\n`);

const GEMEENTEN = [
  'Rotterdam',
  'Schiedam',
  'Vlaardingen',
  'Maassluis',
  'Capelle aan den IJssel',
  'Krimpenerwaard',
  'Lansingerland',
  'Barendrecht',
  'Ridderkerk',
  'Albrandswaard',
  'Nissewaard',
  'Voorne aan Zee',
  'Goeree-Overflakkee',
  'Hoeksche Waard',
  'Zuidplas',
];
const BASISTEAMS = [
  'Maasboulevard',
  'Delfshaven',
  'Centrum',
  'Noord',
  'Kralingen',
  'Feijenoord',
  'Charlois',
  'IJsselland',
  'Waterweg',
  'Nissewaard',
  'Zuid-Holland-Zuid',
  'Oostland',
];
const LOKETTEN = ['Veilig Thuis', 'Wijkteam', 'GGZ-crisisdienst', 'Zorg- en Veiligheidshuis'];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * Columns shared by both tables, drawn per row (r1…r9 are uniform randoms of that row). The
 * geography is consistent, as in reality: PC4 lies in one gemeente, a gemeente in one basisteam
 * (Rotterdam in six, by PC4), a basisteam in one eenheid.
 */
const G = `floor(r1 * r1 * ${GEMEENTEN.length})::int`;
const DIMENSIONS = `
  (${arr(GEMEENTEN)})[1 + ${G}] AS gemeente,
  3000 + ${G} * 20 + floor(r2 * 20)::int AS pc4,
  CASE WHEN ${G} >= ${GEMEENTEN.length - 2} THEN 'Eenheid Den Haag' ELSE 'Eenheid Rotterdam' END AS eenheid,
  (${arr(BASISTEAMS)})[1 + CASE WHEN ${G} = 0 THEN floor(r2 * 6)::int ELSE 6 + ${G} % 6 END] AS basisteam,
  r4 < 0.3 AS telefonisch, r5 < 0.08 AS veilig_thuis, r6 < 0.45 AS hulpverlening,
  CASE WHEN r7 < 0.1 THEN NULL ELSE r7 < 0.6 END AS geinformeerd, r8 < 0.12 AS aanvulling, r9 < 0.15 AS herhaling`;

function generator(where: string): string {
  return `
    SELECT i, received_at, ${DIMENSIONS},
      CASE WHEN live AND s < 0.10 THEN 'ONTVANGEN' WHEN live AND s < 0.25 THEN 'IN_BEHANDELING' WHEN live AND s < 0.30 THEN 'AANVULLING_GEVRAAGD' ELSE 'AFGEROND' END::"MeldingStatus" AS status,
      CASE WHEN live AND s < 0.30 THEN NULL WHEN u < 0.5 THEN 'TOEGELEID' WHEN u < 0.8 THEN 'GEEN_VERVOLG' WHEN u < 0.95 THEN 'NIET_IN_BEHANDELING' ELSE 'DOORGESTUURD' END::"Uitkomst" AS uitkomst,
      (${arr(LOKETTEN)})[1 + floor(r3 * ${LOKETTEN.length})::int] AS loket,
      5 + floor(r5 * 600)::int AS signal_s,
      CASE WHEN live AND s < 0.10 THEN NULL ELSE 600 + floor(r6 * r6 * 10 * 86400)::int END AS first_s,
      floor(r8 * 45 * 86400)::int AS closed_extra_s
    FROM (
      SELECT i, received_at, received_at >= '${LIVE_FROM}'::timestamp AS live,
        random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS s, random() AS u
      FROM (SELECT i, '${START}'::timestamp + random() * ('${TODAY}'::timestamp - '${START}'::timestamp) AS received_at FROM generate_series(1, ${TOTAL}) i) g
    ) x WHERE ${where}`;
}

async function generate(url: string): Promise<{ live: number; feit: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SELECT setseed(0.42)`);
    await c.query(`CREATE TEMP TABLE gen AS ${generator('true')}`);
    await c.query(`INSERT INTO "Mailbox" (id, name, "imapHost", "smtpHost", username, "secretEnc", "fromAddress", "signalRecipient", "updatedAt")
      VALUES ('00000000-0000-4000-8000-000000000001', 'bench', 'localhost', 'localhost', 'bench', 'n/a', 'meldpunt@gemeente.example', 'signalen@politie-keten.example', now())`);
    const feit =
      await c.query(`INSERT INTO "MeldingFeit" (id, "receivedDate", gemeente, pc4, eenheid, basisteam, status, uitkomst, "loketAdvies", "signalSeconds", "firstAssessmentSeconds", "closedSeconds", "assessedWithinWerkdagen", "telefonischContactGewenst", "veiligThuisGemeld", "bestaandeHulpverlening", "betrokkeneGeinformeerd", "aanvullingGevraagd", herhaling)
      SELECT gen_random_uuid(), (received_at AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, gemeente, pc4, eenheid, basisteam, status, uitkomst, CASE WHEN uitkomst = 'NIET_IN_BEHANDELING' THEN loket END,
        signal_s, first_s, first_s + closed_extra_s, first_s < 2 * 86400, telefonisch, veilig_thuis, hulpverlening, geinformeerd, aanvulling, herhaling
      FROM gen WHERE received_at < '${LIVE_FROM}'::timestamp`);
    const live =
      await c.query(`INSERT INTO "Melding" (id, "mailboxId", kenmerk, "receivedAt", "updatedAt", gemeente, pc4, eenheid, basisteam, status, uitkomst, "loketAdvies", "firstAssessedAt", "closedAt",
        "telefonischContactGewenst", "veiligThuisGemeld", "bestaandeHulpverlening", "betrokkeneGeinformeerd", "aanvullingGevraagd", herhaling)
      SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'PL1300-' || i, received_at, now(), gemeente, pc4, eenheid, basisteam, status, uitkomst, CASE WHEN uitkomst = 'NIET_IN_BEHANDELING' THEN loket END,
        received_at + first_s * interval '1 second', CASE WHEN status = 'AFGEROND' THEN received_at + (first_s + closed_extra_s) * interval '1 second' END,
        telefonisch, veilig_thuis, hulpverlening, geinformeerd, aanvulling, herhaling
      FROM gen WHERE received_at >= '${LIVE_FROM}'::timestamp`);
    await c.query(`INSERT INTO "OutgoingMail" (id, "mailboxId", "meldingId", kind, recipient, subject, body, "messageId", state, "sentAt")
      SELECT gen_random_uuid(), "mailboxId", id, 'ACCEPTATIESIGNAAL', 'signalen@politie-keten.example', 'Acceptatiesignaal ' || kenmerk, 'Uw bericht is succesvol verwerkt.', '<as-' || id || '@meldpost.example>', 'SENT', "receivedAt" + (5 + random() * 600) * interval '1 second'
      FROM "Melding"`);
    await c.query(`INSERT INTO "OutgoingMail" (id, "mailboxId", kind, recipient, subject, body, "messageId", state, "sentAt")
      SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'FOUTMELDING', 'signalen@politie-keten.example', 'Foutmelding', 'Uw bericht is ontvangen maar kon niet succesvol verwerkt worden.', '<fm-' || i || '@meldpost.example>', 'SENT',
        '${START}'::timestamp + random() * ('${TODAY}'::timestamp - '${START}'::timestamp)
      FROM generate_series(1, ${FOUTMELDINGEN}) i`);
    await c.query('ANALYZE');
    return { live: live.rowCount ?? 0, feit: feit.rowCount ?? 0 };
  } finally {
    await c.end();
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  const base = mkdtempSync(path.join(tmpdir(), 'meldpost-bench-stats-'));
  const server = await startEmbeddedPostgres({ dir: path.join(base, 'pg'), password: 'bench' });
  const db = createDb(server.url, 4);
  try {
    await applyMigrations(server.url);
    let t0 = performance.now();
    const counts = await generate(server.url);
    note(
      `generated ${counts.live} live meldingen and ${counts.feit} MeldingFeit (+ ${FOUTMELDINGEN} foutmeldingen) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = performance.now();
    await refreshStatistieken({ db, now: new Date(`${TODAY}T12:00:00Z`) });
    const firstRefreshMs = Math.round(performance.now() - t0);
    await db.$executeRawUnsafe('ANALYZE stats_melding');
    const rollupRows: Record<string, number> = {};
    for (const v of [
      'stats_melding',
      'stats_dag',
      'stats_dag_pc4',
      'stats_maand',
      'stats_maand_pc4',
      'stats_maand_werkdagen',
      'stats_maand_doorloop',
      'stats_maand_doorloop_alle',
      'stats_dag_soort',
      'stats_maand_soort',
    ]) {
      rollupRows[v] = (
        await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${v}`)
      )[0]!.n;
    }
    note(`first refresh ${firstRefreshMs} ms; rows ${JSON.stringify(rollupRows)}`);

    const periods = {
      '1jaar': parseStatsFilter({}, TODAY),
      '5jaar': parseStatsFilter({ van: START, tot: TODAY }, TODAY),
      // The largest gemeente, so the filtered path is timed too.
      '5jaar-rotterdam': parseStatsFilter({ van: START, tot: TODAY, gemeente: 'Rotterdam' }, TODAY),
    };
    const queries: Record<string, (ctx: TQueryContext) => Promise<unknown>> = {
      ...STATS_QUERIES,
      keuzes: (ctx) => listStatsKeuzes({ db: ctx.db, role: 'COORDINATOR' }),
    };
    const result: Record<string, { p50: number; p95: number }> = {};
    for (const [periodName, filter] of Object.entries(periods)) {
      const ctx = { db, filter, werkdagenBeoordeling: 2 };
      for (const [name, q] of Object.entries(queries)) {
        for (let i = 0; i < 2; i += 1) await q(ctx); // warm-up
        const ms: number[] = [];
        for (let i = 0; i < RUNS; i += 1) ms.push(await time(() => q(ctx)));
        result[`${name}/${periodName}`] = {
          p50: Math.round(percentile(ms, 50)),
          p95: Math.round(percentile(ms, 95)),
        };
        note(
          `${name}/${periodName}: p50 ${result[`${name}/${periodName}`]!.p50} ms, p95 ${result[`${name}/${periodName}`]!.p95} ms`,
        );
      }
    }

    // A refresh must not block readers: time a query again and again while one runs.
    const ctx = { db, filter: periods['1jaar'], werkdagenBeoordeling: 2 };
    let refreshing = true;
    t0 = performance.now();
    const refresh = refreshStatistieken({ db }).finally(() => (refreshing = false));
    const during: number[] = [];
    while (refreshing) during.push(await time(() => STATS_QUERIES.flags(ctx)));
    await refresh;
    const refreshMs = Math.round(performance.now() - t0);
    note(
      `concurrent refresh ${refreshMs} ms; kenmerken/1jaar meanwhile: ${during.length} runs, max ${Math.round(Math.max(...during))} ms`,
    );

    const [slowest, worst] = Object.entries(result).sort((a, b) => b[1].p95 - a[1].p95)[0]!;
    const summary = {
      meldingen: TOTAL,
      live: counts.live,
      meldingFeit: counts.feit,
      foutmeldingen: FOUTMELDINGEN,
      runs: RUNS,
      firstRefreshMs,
      rollupRows,
      refreshMs,
      duringRefresh: { runs: during.length, maxMs: Math.round(Math.max(...during)) },
      queries: result,
      slowestP95: { query: slowest, ms: worst.p95 },
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await db.$disconnect();
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

await main();
