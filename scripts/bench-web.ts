/**
 * `npm run bench:web`: 100,000 fictitious meldingen (with status history, ledger rows and audit
 * events) in a throwaway PostgreSQL, then the server-side time of what the dashboard's pages
 * call: the inbox's first page, a filtered page, a name search and a melding's page (all its
 * lib/ verbs, as the page makes them). Then the inbox page's weight as a browser receives it
 * (HTML with its RSC payload, and its scripts; scripts/page-weight.ts) from the production web
 * app (built into .next-test/ like the tests' when the sources changed). Prints, as its last line,
 * one JSON object with p50 and p95 in milliseconds for each and `inboxPage` in bytes.
 * Target (issue 5): p95 < 150 ms.
 */
import './quiet-logs';
import { createDb, type TDb } from '../lib/db/client';
import { getEerdereMeldingen } from '../lib/melding/get-eerdere-meldingen';
import { getMailDraft } from '../lib/melding/get-mail-draft';
import { getMeldingById } from '../lib/melding/get-melding-by-id';
import { getMeldingEmail } from '../lib/melding/get-melding-email';
import { getMeldingTimeline } from '../lib/melding/get-melding-timeline';
import { listMedewerkers } from '../lib/users/list-medewerkers';
import { listMeldingen } from '../lib/melding/list-meldingen';
import { seedBenchMeldingen } from './bench-web-seed';
import { createUserWithTotp, signInHttp } from '../tests/support/sign-in';
import { startWeb } from '../tests/support/web';
import { measurePageWeight } from './page-weight';
import { percentile } from './percentile';
import { startThrowawayPostgres } from './throwaway-postgres';

const N = Number(process.env.BENCH_MELDINGEN ?? 100_000);
const REPS = Number(process.env.BENCH_REPS ?? 200);
const note = (s: string) => process.stderr.write(`${s}\n`);
const round = (x: number) => Math.round(x * 10) / 10;

/** The inbox's first page (all statuses: 25 rows) as a signed-in medewerker receives it from the real web app. */
async function measureInboxPage(opts: { db: TDb; databaseUrl: string }) {
  const web = await startWeb({ databaseUrl: opts.databaseUrl });
  try {
    const medewerker = await createUserWithTotp(opts.db, { role: 'MEDEWERKER' });
    const cookie = await signInHttp(web.url, medewerker);
    return await measurePageWeight({ url: `${web.url}/meldingen?status=alle`, cookie });
  } finally {
    await web.stop();
  }
}

async function main() {
  const pg = await startThrowawayPostgres('bench-web');
  const db = createDb(pg.url, 10);
  try {
    const { users, surnames } = await seedBenchMeldingen({ db, n: N, note });
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
    const inboxPage = await measureInboxPage({ db, databaseUrl: pg.url });
    note(`inbox page: ${JSON.stringify(inboxPage)}`);
    console.log(JSON.stringify({ meldingen: N, repetitions: REPS, unit: 'ms', ...result, inboxPage }));
  } finally {
    await db.$disconnect();
    await pg.stop();
  }
}

await main();
