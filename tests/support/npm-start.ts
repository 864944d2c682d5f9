/**
 * `npm start` as an operator runs it, for fault-injection tests: a data dir of its own, the test
 * run's fake keys (so the test can encrypt a mailbox secret the instance reads), short worker
 * timings, a health token; PIDs from runtime.json; health fetched with and without the token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encryptSecret } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import type { TDb } from '../../lib/db/client';
import type { THealth } from '../../lib/health/get-health';
import type { TSupervisorStatus } from '../../lib/health/supervisor-status';
import type { TDovecot } from './dovecot';
import { FAST, MAILBOX_USER, SIGNAL_RECIPIENT } from './ingest-env';
import { captureOutput, exited, isAlive, waitFor } from './processes';
import type { TSmtpReceiver } from './smtp-receiver';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const HEALTH_TOKEN = 'test-health-token-0123456789abcdef';

export type TRuntime = {
  supervisorPid: number;
  databaseUrl: string | null;
  postgresPid: number | null;
  children: Record<string, number>;
};

export type TStarted = {
  child: ChildProcess;
  output: () => string;
  url: string;
  runtime: () => TRuntime;
  supervisor: () => TSupervisorStatus;
  /** GET /api/health: HTTP status and body; with `details`, as monitoring with the token. */
  health: (details?: boolean) => Promise<{ http: number; body: THealth }>;
  /** SIGTERM, then waits for every PID it had to be gone. */
  stop: () => Promise<void>;
};

export async function npmStart(opts: {
  dataDir: string;
  port: number;
  databaseUrl?: string;
  env?: Record<string, string>;
}): Promise<TStarted> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...FAST,
    MELDPOST_DATA_DIR: opts.dataDir,
    PORT: String(opts.port),
    LOG_LEVEL: 'warn',
    MELDPOST_HEALTH_TOKEN: HEALTH_TOKEN,
    ...opts.env,
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = captureOutput(child);
  const url = `http://127.0.0.1:${opts.port}`;
  const runtime = () => JSON.parse(readFileSync(path.join(opts.dataDir, 'runtime.json'), 'utf8')) as TRuntime;
  const supervisor = () =>
    JSON.parse(readFileSync(path.join(opts.dataDir, 'supervisor.json'), 'utf8')) as TSupervisorStatus;
  const health = async (details = false) => {
    const res = await fetch(`${url}/api/health`, {
      headers: details ? { authorization: `Bearer ${HEALTH_TOKEN}` } : {},
      signal: AbortSignal.timeout(15_000),
    });
    return { http: res.status, body: (await res.json()) as THealth };
  };
  await waitFor(
    `"meldpost draait" in output:\n${out.text()}`,
    () => out.text().includes('meldpost draait'),
    300_000,
  );
  await waitFor('health answers', async () => (await health()).http === 200, 120_000, 500);
  const seen = new Set<number>();
  const remember = () => {
    const rt = runtime();
    for (const pid of [rt.supervisorPid, rt.postgresPid, ...Object.values(rt.children)])
      if (pid) seen.add(pid);
  };
  remember();
  return {
    child,
    output: out.text,
    url,
    runtime,
    supervisor,
    health,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      remember();
      if (child.exitCode === null) process.kill(runtime().supervisorPid, 'SIGTERM');
      await exited(child);
      for (const pid of seen) await waitFor(`pid ${pid} to be gone`, () => !isAlive(pid), 30_000);
    },
  };
}

/** The test's Dovecot and SMTP receiver as the instance's mailbox. */
export function createMailbox(db: TDb, dovecot: TDovecot, smtp: TSmtpReceiver) {
  return db.mailbox.create({
    data: {
      name: 'Meldpunt storingstest',
      imapHost: dovecot.host,
      imapPort: dovecot.port,
      imapTls: 'none',
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpTls: 'none',
      username: MAILBOX_USER.user,
      secretEnc: encryptSecret(MAILBOX_USER.password, getKeyring()),
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: SIGNAL_RECIPIENT,
      authenticityPolicy: 'MONITOR',
      pollIntervalSec: 2,
    },
  });
}
