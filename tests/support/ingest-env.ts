/**
 * Everything an ingestion test needs, real: a migrated database, a private Dovecot with the
 * meldpunt's mailbox, an SMTP receiver standing in for the police's signal address, the mailbox
 * row pointing at both, and the worker's loops (in-process, or as separate worker processes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import { encryptSecret } from '../../lib/secrets/crypto';
import type { Mailbox } from '../../lib/db/generated/client';
import { getKeyring } from '../../lib/secrets/keyring';
import { mailboxManagerLoop } from '../../workers/mailbox/manager';
import { outboxRelayLoop } from '../../workers/outbox/relay';
import { formReviewsLoop } from '../../workers/jobs/form-reviews';
import { startSupervisor, type TSupervisor } from '../../workers/supervisor';
import { WORKER_ENTRY, WORKER_ENV, WORKER_NODE_ARGS } from '../../launcher/worker-runtime';
import { createTestDb, type TTestDb } from './db';
import { startDovecot, type TDovecot } from './dovecot';
import { exited, isAlive, waitFor } from './processes';
import { startSmtpReceiver, type TSmtpReceiver } from './smtp-receiver';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const MAILBOX_USER = { user: 'meldpunt', password: 'mailbox-test-wachtwoord' };
export const SIGNAL_RECIPIENT = 'signalen@politie-keten.example';

/** Short timings so tests don't wait on production back-offs. */
export const FAST = {
  MAILBOX_SCAN_SEC: '0.2',
  MAILBOX_RETRY_BASE_SEC: '0.3',
  OUTBOX_RETRY_BASE_SEC: '0.3',
  OUTBOX_RETRY_MAX_SEC: '2',
  OUTBOX_POLL_SEC: '0.5',
  WORKER_HEARTBEAT_SEC: '1',
  WORKER_RESTART_DELAY_SEC: '0.3',
};

export type TIngestEnv = {
  t: TTestDb;
  dovecot: TDovecot;
  smtp: TSmtpReceiver;
  mailbox: Mailbox;
  deliver: (raw: Buffer) => Promise<void>;
  startWorker: () => TSupervisor;
  /** A worker process (the bundled build, as npm start runs it); `env` adds to FAST's settings. */
  spawnWorker: (env?: Record<string, string>) => ChildProcess;
  folderUids: (folder: string) => Promise<number[]>;
  /** The messages in a folder with their flags and bytes; none if the folder does not exist. */
  folderMessages: (folder: string) => Promise<{ uid: number; flags: Set<string>; source: Buffer }[]>;
  /**
   * Resolves once everything that came in has its outcome and the outbox has nothing left to send
   * (no ledger row still STORED, no outgoing mail QUEUED or SENDING): the positive event after
   * which a test may assert that something was NOT sent or recorded.
   */
  settled: (timeoutMs?: number) => Promise<void>;
  stop: () => Promise<void>;
};

export async function startIngestEnv(
  opts: {
    policy?: 'ENFORCE' | 'MONITOR';
    otherMailAction?: 'MOVE' | 'LEAVE';
    pollIntervalSec?: number;
    /** A database of the test's own (e.g. an embedded server in a data dir) instead of a clone. */
    database?: TTestDb;
  } = {},
): Promise<TIngestEnv> {
  const t = opts.database ?? (await createTestDb());
  const dovecot = await startDovecot({ users: [MAILBOX_USER] });
  const smtp = await startSmtpReceiver();
  const mailbox = await t.db.mailbox.create({
    data: {
      name: 'Meldpunt test',
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
      authenticityPolicy: opts.policy ?? 'MONITOR',
      otherMailAction: opts.otherMailAction ?? 'MOVE',
      pollIntervalSec: opts.pollIntervalSec ?? 2,
    },
  });
  /** Runs `read` on a folder of the mailbox over a connection of its own; [] when the folder is missing. */
  const inFolder = async <T>(folder: string, read: (client: ImapFlow) => Promise<T[]>): Promise<T[]> => {
    const client: ImapFlow = await dovecot.connect(MAILBOX_USER.user);
    try {
      const lock = await client.getMailboxLock(folder);
      try {
        return await read(client);
      } finally {
        lock.release();
      }
    } catch {
      return [];
    } finally {
      await client.logout();
    }
  };
  const workers: TSupervisor[] = [];
  const children: ChildProcess[] = [];
  return {
    t,
    dovecot,
    smtp,
    mailbox,
    settled: async (timeoutMs = 20_000) => {
      await waitFor(
        'ledger and outbox settled',
        async () =>
          (await t.db.inboundMessage.count({ where: { state: 'STORED' } })) === 0 &&
          (await t.db.outgoingMail.count({ where: { state: { in: ['QUEUED', 'SENDING'] } } })) === 0,
        timeoutMs,
      );
    },
    deliver: async (raw) => {
      await dovecot.appendRaw(MAILBOX_USER.user, 'INBOX', raw);
    },
    startWorker: () => {
      const db = t.db;
      const ring = getKeyring();
      const sup = startSupervisor({
        db,
        heartbeatMs: 1000,
        restartDelayMs: 300,
        loops: [
          mailboxManagerLoop({
            db,
            ring,
            config: {
              databaseUrl: t.url,
              scanMs: 200,
              retryBaseMs: 300,
              configErrorRetryMs: 2000,
              maxAttempts: 3,
              maxCrashes: 3,
              fetchBatchBytes: 32 * 1024 * 1024,
            },
          }),
          outboxRelayLoop({
            db,
            ring,
            config: { databaseUrl: t.url, baseMs: 300, maxMs: 2000, maxAttempts: 50, pollMs: 500 },
          }),
          formReviewsLoop({ db, pollMs: 200 }),
        ],
      });
      workers.push(sup);
      return sup;
    },
    spawnWorker: (extraEnv = {}) => {
      const child = spawn(process.execPath, [...WORKER_NODE_ARGS, WORKER_ENTRY], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...WORKER_ENV,
          ...FAST,
          DATABASE_URL: t.url,
          LOG_LEVEL: 'warn',
          MELDPOST_SUPERVISED: '',
          ...extraEnv,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    },
    folderUids: (folder) =>
      inFolder(folder, async (client) =>
        ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b),
      ),
    folderMessages: (folder) =>
      inFolder(folder, async (client) =>
        (await client.fetchAll('1:*', { uid: true, flags: true, source: true })).map((m) => ({
          uid: m.uid,
          flags: m.flags ?? new Set<string>(),
          source: m.source!,
        })),
      ),
    stop: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      for (const c of children) {
        if (c.pid && isAlive(c.pid)) {
          c.kill('SIGKILL');
          await exited(c);
        }
      }
      await smtp.stop();
      await dovecot.stop();
      await t.drop();
    },
  };
}
