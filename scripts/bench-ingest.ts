/**
 * `npm run bench:ingest`: the worker as a separate process against a private Dovecot and SMTP
 * receiver and a throwaway PostgreSQL. Prints, as its last line, one JSON object:
 * latency from APPEND to the acceptatiesignaal at the receiver (50 meldingen one at a time),
 * throughput on a backlog of 1,000 (one with a 20 MB extra attachment) against a bare imapflow
 * fetch of the same messages in the same run, and against parsing the same 1,000 forms alone
 * through the worker's parse pool (no IMAP, no database): ingestion's real limit is the parser.
 * Also the worker's peak resident memory (VmHWM).
 * BENCH_WORKER_PROF=<dir> writes the worker's CPU profiles (--cpu-prof) there.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encryptSecret, keyringFrom } from '../lib/secrets/crypto';
import { createDb } from '../lib/db/client';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { applyMigrations } from '../lib/db/migrate';
import { composeRaw } from '../tests/fixtures/mail/compose';
import { renderPdf } from '../tests/fixtures/generator/pdf';
import { startDovecot } from '../tests/support/dovecot';
import { bsn, PEOPLE, sampleFormulier } from '../tests/fixtures/generator/people';
import { waitFor } from '../tests/support/processes';
import { startSmtpReceiver } from '../tests/support/smtp-receiver';
import { percentile } from './percentile';
import { buildWorker } from '../launcher/worker-build';
import { closeParser, parseMeldformulier, warmParser } from '../lib/form';
import { WORKER_ENV, WORKER_NODE_ARGS } from '../launcher/worker-runtime';

const ROOT = path.resolve(import.meta.dirname, '..');
const USER = { user: 'meldpunt', password: 'bench-wachtwoord' };
// Smaller runs while tuning: BENCH_LATENCY_N / BENCH_BACKLOG_N (the figures are the defaults).
const LATENCY_N = Number(process.env.BENCH_LATENCY_N ?? 50);
const BACKLOG_N = Number(process.env.BENCH_BACKLOG_N ?? 1000);
const note = (s: string) => process.stderr.write(`${s}\n`);

async function main() {
  const keys = {
    MELDPOST_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MELDPOST_PSEUDONYM_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  };
  const base = mkdtempSync(path.join(tmpdir(), 'meldpost-bench-'));
  const pg = await startEmbeddedPostgres({ dir: path.join(base, 'pg'), password: 'bench' });
  const dovecot = await startDovecot({ users: [USER] });
  const smtp = await startSmtpReceiver();
  const db = createDb(pg.url, 2);
  let worker: ReturnType<typeof spawn> | null = null;
  try {
    await applyMigrations(pg.url);
    await db.mailbox.create({
      data: {
        name: 'bench',
        imapHost: dovecot.host,
        imapPort: dovecot.port,
        imapTls: 'none',
        smtpHost: smtp.host,
        smtpPort: smtp.port,
        smtpTls: 'none',
        username: USER.user,
        secretEnc: encryptSecret(USER.password, keyringFrom(keys.MELDPOST_ENCRYPTION_KEY)),
        fromAddress: 'meldpunt@gemeente.example',
        signalRecipient: 'signalen@politie-keten.example',
        authenticityPolicy: 'MONITOR',
        pollIntervalSec: 60,
      },
    });
    let peakRssMb = 0;
    // The worker as `npm start` runs it: bundled, without the TypeScript loader.
    const workerEntry = buildWorker();
    const startWorker = () => {
      worker = spawn(
        process.execPath,
        [
          ...(process.env.BENCH_WORKER_PROF
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF}`]
            : []),
          ...WORKER_NODE_ARGS,
          workerEntry,
        ],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            ...WORKER_ENV,
            ...keys,
            DATABASE_URL: pg.url,
            LOG_LEVEL: process.env.BENCH_LOG ?? 'error',
            MAILBOX_SCAN_SEC: '0.5',
            OUTBOX_POLL_SEC: '1',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    };
    const stopWorker = async () => {
      const w = worker!;
      const status = readFileSync(`/proc/${w.pid}/status`, 'utf8');
      peakRssMb = Math.max(peakRssMb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      const gone = new Promise((r) => w.once('exit', r));
      w.kill('SIGTERM');
      await gone;
      worker = null;
    };
    // As in a real backlog, each melding is about its own (fictitious) person: meldingen about one
    // person are recorded one after another, others side by side.
    const form = (k: string) =>
      renderPdf(sampleFormulier({ kenmerk: k, betrokkene: person(Number(k.slice(-6))) }));
    const mail = async (k: string, extra?: Buffer) =>
      composeRaw({
        subject: `melding niet-acute zorg met ${k}`,
        attachments: [
          { filename: `${k}.pdf`, content: Buffer.from(await form(k)), contentType: 'application/pdf' },
          ...(extra
            ? [{ filename: 'bodycam-stills.bin', content: extra, contentType: 'application/octet-stream' }]
            : []),
        ],
      });

    // 1. Latency, one melding at a time, worker idle in IDLE.
    startWorker();
    await waitFor(
      'first sync',
      async () => (await db.mailbox.findFirstOrThrow()).lastSyncAt !== null,
      30_000,
    );
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_N; i += 1) {
      const k = `PL1300-2026${String(100000 + i)}`;
      const raw = await mail(k);
      const before = smtp.messages.length;
      const t0 = performance.now();
      await dovecot.appendRaw(USER.user, 'INBOX', raw);
      await smtp.waitFor(before + 1, 30_000);
      latencies.push(performance.now() - t0);
    }
    await stopWorker();
    note(
      `latency: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
    );

    // 2. Backlog: 1,000 meldingen in the mailbox before the worker starts.
    note('backlog: appending 1000 meldingen…');
    const client = await dovecot.connect(USER.user);
    const forms: { kenmerk: string; pdf: Buffer }[] = [];
    for (let i = 0; i < BACKLOG_N; i += 1) {
      const k = `PL1300-2026${String(200000 + i)}`;
      const pdf = Buffer.from(await form(k));
      forms.push({ kenmerk: k, pdf });
      await client.append(
        'INBOX',
        await mail(k, i === Math.floor(BACKLOG_N / 2) ? randomBytes(20 * 1024 * 1024) : undefined),
      );
    }
    // Bare fetch: the same 1,000 messages with imapflow, sources read whole, nothing else done.
    const lock = await client.getMailboxLock('INBOX');
    const t1 = performance.now();
    let bytes = 0;
    for await (const m of client.fetch('1:*', { uid: true, source: true })) bytes += m.source?.length ?? 0;
    const bareSec = (performance.now() - t1) / 1000;
    lock.release();
    await client.logout();
    note(`bare fetch: ${BACKLOG_N} messages, ${(bytes / 1e6).toFixed(1)} MB in ${bareSec.toFixed(2)} s`);

    const sentBefore = smtp.messages.length;
    const t2 = performance.now();
    startWorker();
    // Where the time goes: when every message is recorded (ledger) versus when every signal is sent (relay).
    let recordedSec = NaN;
    const recorded = waitFor(
      'all recorded',
      async () =>
        (await db.inboundMessage.count({ where: { state: { notIn: ['STORED', 'FAILED'] } } })) >=
        LATENCY_N + BACKLOG_N,
      600_000,
      500,
    ).then(() => (recordedSec = (performance.now() - t2) / 1000));
    await smtp.waitFor(sentBefore + BACKLOG_N, 600_000);
    const workSec = (performance.now() - t2) / 1000;
    await recorded;
    note(`worker: all ${BACKLOG_N} recorded after ${recordedSec.toFixed(2)} s`);
    await stopWorker();
    note(`worker: ${BACKLOG_N} meldingen stored, parsed, signalled in ${workSec.toFixed(2)} s`);

    // 3. Parse only: the same forms through the worker's parse pool, as many in flight as the
    // worker analyses ahead, with no IMAP and no database.
    warmParser();
    const t3 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < forms.length) {
          const f = forms[next++]!;
          const parsed = await parseMeldformulier(f.pdf, { filename: `${f.kenmerk}.pdf` });
          if (!parsed.ok) throw new Error(`parse-only: ${f.kenmerk} niet gelezen`);
        }
      }),
    );
    const parseSec = (performance.now() - t3) / 1000;
    await closeParser();
    note(`parse only: ${BACKLOG_N} forms in ${parseSec.toFixed(2)} s`);

    const result = {
      latencyP50Ms: Math.round(percentile(latencies, 50)),
      latencyP95Ms: Math.round(percentile(latencies, 95)),
      backlog: BACKLOG_N,
      throughputPerSecond: +(BACKLOG_N / workSec).toFixed(1),
      bareFetchPerSecond: +(BACKLOG_N / bareSec).toFixed(1),
      ratioVsBareFetch: +(bareSec / workSec).toFixed(3),
      parseOnlyPerSecond: +(BACKLOG_N / parseSec).toFixed(1),
      ratioVsParse: +(parseSec / workSec).toFixed(3),
      peakRssMb: Math.round(peakRssMb),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    if (worker) (worker as ReturnType<typeof spawn>).kill('SIGKILL');
    await db.$disconnect();
    await smtp.stop();
    await dovecot.stop();
    await pg.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

/** Fictitious person n: a base person with a BSN (passing the elfproef) and birth date of its own. */
function person(n: number) {
  const base = PEOPLE[n % PEOPLE.length]!;
  const geboortedatum = new Date(Date.UTC(1940, 0, 1) + n * 7 * 86_400_000).toISOString().slice(0, 10);
  for (let j = 0; j < 10; j += 1) {
    const first8 = String(20_000_000 + n * 10 + j);
    try {
      return { ...base, bsn: bsn(first8), geboortedatum };
    } catch {
      // no valid BSN starts with these eight digits: the next ones
    }
  }
  throw new Error(`geen BSN voor persoon ${n}`);
}

await main();
