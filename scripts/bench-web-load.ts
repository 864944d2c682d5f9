/**
 * `npm run bench:web-load`: the production web app (`next start` with the launcher's web
 * runtime flags, launcher/web-runtime.ts, as `npm start` runs it) on the bench:web dataset
 * (100,000 meldingen), BENCH_CLIENTS (20) signed-in clients (password + TOTP) requesting pages
 * back to back for BENCH_SECONDS (30): inbox 40 %, filtered inbox 15 %, name search 10 %,
 * melding detail 20 %, statistics 15 %. Then BENCH_IDLE_SECONDS (30) without requests. The web
 * server's RSS is read before, right after and after the idle time.
 * Also prints the inbox page's weight (scripts/page-weight.ts). Last line, one JSON object:
 * {"clients","requests","rps","p50Ms","p95Ms","p99Ms","errors","rssStartMb","rssEndMb","rssAfterIdleMb"}.
 * Targets (issue 19): p95 < 300 ms, 0 errors, RSS after idle < 600 MB.
 */
import './quiet-logs';
import { readFileSync } from 'node:fs';
import { createDb } from '../lib/db/client';
import { sealSearch } from '../lib/melding/search-token';
import { refreshStatistieken } from '../lib/stats/refresh-statistieken';
import { createUserWithTotp, signInHttp, type TTestUser } from '../tests/support/sign-in';
import { startWeb } from '../tests/support/web';
import { seedBenchMeldingen } from './bench-web-seed';
import { measurePageWeight } from './page-weight';
import { percentile } from './percentile';
import { startThrowawayPostgres } from './throwaway-postgres';

const N = Number(process.env.BENCH_MELDINGEN ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const note = (s: string) => process.stderr.write(`${s}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process, in MB (Linux /proc). `next start` serves from its own process, without children. */
function rssMb(pid: number): number {
  return Math.round(
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
  );
}

/** CPU time (user + system) a process has used, in ms: per request it does not depend on other load on the machine. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, fields 14 and 15 of stat(5) (counted here from field 3), in USER_HZ = 100 ticks.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

type TClient = { medewerker: TTestUser; cookie: string; coordinatorCookie: string };

async function main() {
  const pg = await startThrowawayPostgres('bench-web-load');
  const db = createDb(pg.url, 5);
  const { surnames } = await seedBenchMeldingen({ db, n: N, note });
  await refreshStatistieken({ db });
  const detailIds = (
    await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Melding" ORDER BY random() LIMIT 500`)
  ).map((r) => r.id);
  const web = await startWeb({ databaseUrl: pg.url });
  note(`web app up at ${web.url} (pid ${web.pid}), ${rssMb(web.pid)} MB`);
  try {
    const clients: TClient[] = [];
    for (let i = 0; i < CLIENTS; i += 1) {
      const medewerker = await createUserWithTotp(db, { role: 'MEDEWERKER' });
      const coordinator = await createUserWithTotp(db, { role: 'COORDINATOR' });
      clients.push({
        medewerker,
        cookie: await signInHttp(web.url, medewerker),
        coordinatorCookie: await signInHttp(web.url, coordinator),
      });
    }
    note(`${CLIENTS} medewerkers and ${CLIENTS} coördinatoren signed in`);

    // The mix, as paths per client: deterministic, so runs compare.
    const paths = (c: TClient, i: number): { kind: string; path: string; cookie: string } => {
      const slot = i % 20;
      if (slot < 8) return { kind: 'inbox', path: '/meldingen', cookie: c.cookie };
      if (slot < 11)
        return {
          kind: 'filtered',
          path: `/meldingen?status=AFGEROND&badge=telefonisch&van=2025-06-01&tot=2026-06-30&pagina=${2 + (i % 5)}`,
          cookie: c.cookie,
        };
      if (slot < 13) {
        const zoek = sealSearch({ q: surnames[i % surnames.length]!.toLowerCase(), userId: c.medewerker.id });
        return {
          kind: 'search',
          path: `/meldingen?status=alle&zoek=${encodeURIComponent(zoek)}`,
          cookie: c.cookie,
        };
      }
      if (slot < 17)
        return { kind: 'detail', path: `/meldingen/${detailIds[i % detailIds.length]}`, cookie: c.cookie };
      return { kind: 'statistics', path: '/statistieken', cookie: c.coordinatorCookie };
    };
    const get = async (p: { path: string; cookie: string }) => {
      const res = await fetch(`${web.url}${p.path}`, { headers: { cookie: p.cookie }, redirect: 'manual' });
      await res.arrayBuffer();
      return res.status;
    };
    // Warm-up: every kind of page once per client (first renders load and compile code).
    for (const c of clients) for (let i = 0; i < 20; i += 1) await get(paths(c, i));
    const weight = await measurePageWeight({ url: `${web.url}/meldingen`, cookie: clients[0]!.cookie });
    note(`inbox page weight: ${JSON.stringify(weight)}`);

    const rssStartMb = rssMb(web.pid);
    let rssPeakMb = rssStartMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(web.pid))), 1000);
    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    const failures = new Map<string, number>();
    const cpuStart = cpuMs(web.pid);
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      clients.map(async (c, ci) => {
        for (let i = ci; performance.now() < deadline; i += 1) {
          const p = paths(c, i);
          const t0 = performance.now();
          const outcome = await get(p).then(
            (status) => (status === 200 ? null : `HTTP ${status} ${p.path.split('?')[0]}`),
            (err: unknown) => String(err),
          );
          const ms = performance.now() - t0;
          times.push(ms);
          if (!byKind.has(p.kind)) byKind.set(p.kind, []);
          byKind.get(p.kind)!.push(ms);
          if (outcome) failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
        }
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const rssEndMb = rssMb(web.pid);
    const cpuPerRequest = round((cpuMs(web.pid) - cpuStart) / times.length);
    note(
      `run: ${times.length} requests in ${round(elapsedS)} s; web CPU ${cpuPerRequest} ms per request; RSS peak ${rssPeakMb} MB`,
    );
    for (const [kind, ms] of byKind)
      note(
        `  ${kind}: ${ms.length} requests, p50 ${round(percentile(ms, 50))} ms, p95 ${round(percentile(ms, 95))} ms`,
      );
    if (failures.size) note(`errors: ${JSON.stringify(Object.fromEntries(failures))}`);
    note(`idle for ${IDLE_SECONDS} s…`);
    await sleep(IDLE_SECONDS * 1000);
    const rssAfterIdleMb = rssMb(web.pid);
    console.log(
      JSON.stringify({
        clients: CLIENTS,
        requests: times.length,
        rps: round(times.length / elapsedS),
        p50Ms: round(percentile(times, 50)),
        p95Ms: round(percentile(times, 95)),
        p99Ms: round(percentile(times, 99)),
        errors: [...failures.values()].reduce((a, b) => a + b, 0),
        rssStartMb,
        rssEndMb,
        rssAfterIdleMb,
      }),
    );
  } finally {
    await web.stop();
    await db.$disconnect();
    await pg.stop();
  }
}

await main();
