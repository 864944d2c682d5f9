/**
 * `npm run --silent bench:postvak`: how long from APPEND to the message being visible in the
 * work queue ("Postvak"). Runs the bundled worker as its own process and the built web app
 * against a private Dovecot, SMTP receiver and throwaway PostgreSQL; a signed-in medewerker's
 * session fetches /postvak until the message's subject is on the page. Alternates mails that
 * land in the queue (a melding without its form → foutmelding; other mail). Prints, last, one
 * JSON object: p50/p95 of APPEND → decided in the ledger, and APPEND → on the Postvak page.
 * An open Postvak page polls the change counter every 2 s (app/(dashboard)/live-refresh.tsx),
 * so on an open page add at most that interval.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const keys = {
  MELDPOST_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  MELDPOST_PSEUDONYM_KEY: randomBytes(32).toString('base64'),
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
};
// Before any module reads the environment (the keyring, the web app's env).
Object.assign(process.env, keys);

const N = Number(process.env.BENCH_POSTVAK_N ?? 20);
const USER = { user: 'meldpunt', password: 'bench-wachtwoord' };
const ROOT = path.resolve(import.meta.dirname, '..');
const note = (s: string) => process.stderr.write(`${s}\n`);

async function main() {
  const { encryptSecret, keyringFrom } = await import('../lib/secrets/crypto');
  const { createDb } = await import('../lib/db/client');
  const { startEmbeddedPostgres } = await import('../lib/db/embedded');
  const { applyMigrations } = await import('../lib/db/migrate');
  const { composeRaw } = await import('../tests/fixtures/mail/compose');
  const { startDovecot } = await import('../tests/support/dovecot');
  const { startSmtpReceiver } = await import('../tests/support/smtp-receiver');
  const { waitFor } = await import('../tests/support/processes');
  const { startWeb } = await import('../tests/support/web');
  const { createUserWithTotp, signInHttp } = await import('../tests/support/sign-in');
  const { percentile } = await import('./percentile');
  const { buildWorker } = await import('../launcher/worker-build');
  const { WORKER_ENV, WORKER_NODE_ARGS } = await import('../launcher/worker-runtime');

  const base = mkdtempSync(path.join(tmpdir(), 'meldpost-bench-postvak-'));
  const pg = await startEmbeddedPostgres({ dir: path.join(base, 'pg'), password: 'bench' });
  const dovecot = await startDovecot({ users: [USER] });
  const smtp = await startSmtpReceiver();
  const db = createDb(pg.url, 2);
  let worker: ReturnType<typeof spawn> | null = null;
  let web: Awaited<ReturnType<typeof startWeb>> | null = null;
  try {
    await applyMigrations(pg.url);
    process.env.DATABASE_URL = pg.url; // the keyring reads the whole environment
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
    worker = spawn(process.execPath, [...WORKER_NODE_ARGS, buildWorker()], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...WORKER_ENV,
        DATABASE_URL: pg.url,
        LOG_LEVEL: 'error',
        MAILBOX_SCAN_SEC: '0.5',
        OUTBOX_POLL_SEC: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    note('building and starting the web app…');
    web = await startWeb({ databaseUrl: pg.url });
    const user = await createUserWithTotp(db, { role: 'MEDEWERKER' });
    const cookie = await signInHttp(web.url, user);
    await waitFor(
      'first sync',
      async () => (await db.mailbox.findFirstOrThrow()).lastSyncAt !== null,
      60_000,
    );

    const decided: number[] = [];
    const onPage: number[] = [];
    for (let i = 0; i < N; i += 1) {
      const marker = `bench-${i}-${randomBytes(3).toString('hex')}`;
      const subject =
        i % 2 ? `Vraag van de buren ${marker}` : `melding niet-acute zorg met PL1300-2026${100000 + i}`;
      const raw = await composeRaw({ subject, text: marker });
      const t0 = performance.now();
      await dovecot.appendRaw(USER.user, 'INBOX', raw);
      let ledgerAt: number | null = null;
      await waitFor(
        `${subject} on /postvak`,
        async () => {
          if (ledgerAt === null) {
            const row = await db.inboundMessage.findFirst({
              where: { subject, outcome: { not: null }, state: { notIn: ['STORED', 'FAILED'] } },
              select: { id: true },
            });
            if (row) ledgerAt = performance.now();
          }
          const html = await (await fetch(`${web!.url}/postvak`, { headers: { cookie } })).text();
          return html.includes(subject);
        },
        60_000,
        50,
      );
      onPage.push(performance.now() - t0);
      decided.push((ledgerAt ?? performance.now()) - t0);
    }
    const figures = {
      n: N,
      decidedP50Ms: Math.round(percentile(decided, 50)),
      decidedP95Ms: Math.round(percentile(decided, 95)),
      postvakPageP50Ms: Math.round(percentile(onPage, 50)),
      postvakPageP95Ms: Math.round(percentile(onPage, 95)),
      livePollIntervalMs: 2000,
    };
    note(
      `APPEND → on the Postvak page: p50 ${figures.postvakPageP50Ms} ms, p95 ${figures.postvakPageP95Ms} ms (n=${N})`,
    );
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    if (worker) worker.kill('SIGKILL');
    await web?.stop();
    await db.$disconnect();
    await smtp.stop();
    await dovecot.stop();
    await pg.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
