/**
 * Backups of the embedded database, for real: meldingen ingested by the worker into a data dir's
 * embedded PostgreSQL, `cli backup` while it runs, the data dir wiped, `cli restore`, the server
 * started from it — every melding, attachment, audit event and the mailbox secret back, and the
 * worker resumes without ingesting anything again (the UID ledger came back too). Also the daily
 * schedule: due once a day, keeps the newest N, a failure recorded for health.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupProblem, readBackupStatus } from '../../lib/backup/backup-status';
import { runDailyBackup } from '../../lib/backup/run-daily-backup';
import { createDb, type TDb } from '../../lib/db/client';
import { startEmbeddedPostgres, type TEmbeddedDb } from '../../lib/db/embedded';
import { loadLocalSecrets, removeRuntime, writeRuntime } from '../../lib/db/local-instance';
import { applyMigrations } from '../../lib/db/migrate';
import { closeParser } from '../../lib/form';
import { decryptSecret } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import { MAILBOX_USER, startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { exited, waitFor } from '../support/processes';
import { readBytes } from '../../lib/bytes/read-bytes';
import { sha256Hex } from '../../lib/bytes/put-bytes';

const ROOT = path.resolve(import.meta.dirname, '../..');
const base = mkdtempSync(path.join(tmpdir(), 'meldpost-backup-'));
chmodSync(base, 0o755); // as root the server runs as `postgres`, which must reach the data dir
const dataDir = path.join(base, 'data');
const backupsTo = path.join(base, 'elders');
let server: TEmbeddedDb | null = null;
let db: TDb | null = null;
let env: TIngestEnv | null = null;

/** The data dir's embedded server, as npm start would run it (its runtime file included). */
async function startServer(): Promise<{ url: string; db: TDb }> {
  server = await startEmbeddedPostgres({
    dir: path.join(dataDir, 'postgres'),
    password: loadLocalSecrets(dataDir).dbPassword,
  });
  writeRuntime(dataDir, {
    supervisorPid: process.pid,
    databaseUrl: server.url,
    postgresPid: server.pid,
    children: {},
    webUrl: 'http://127.0.0.1:1',
  });
  db = createDb(server.url, 3);
  return { url: server.url, db };
}

async function stopServer() {
  await db?.$disconnect();
  db = null;
  await server?.stop();
  server = null;
  removeRuntime(dataDir);
}

function cli(args: string[]) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, MELDPOST_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete childEnv.DATABASE_URL; // the test setup's placeholder: the CLI must find the data dir's own database
  return spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: ROOT,
    env: childEnv,
    encoding: 'utf8',
  });
}

afterAll(async () => {
  await env?.stop();
  await stopServer();
  await closeParser();
  rmSync(base, { recursive: true, force: true });
});

describe('backup and restore of the embedded database', () => {
  it('restores every melding, attachment, audit event and secret; the worker resumes without re-ingesting', async () => {
    const first = await startServer();
    await applyMigrations(first.url);
    env = await startIngestEnv({ database: { url: first.url, db: first.db, drop: async () => {} } });
    const worker = env.spawnWorker();
    const kenmerken = Array.from({ length: 6 }, (_, i) => `PL1300-2026${String(810000 + i)}`);
    for (const k of kenmerken) await env.deliver(await meldingMail({ kenmerk: k }));
    await waitFor(
      '6 signals sent and messages moved',
      async () =>
        (await first.db.outgoingMail.count({ where: { state: 'SENT' } })) === 6 &&
        (await first.db.inboundMessage.count({ where: { movedTo: null } })) === 0,
      120_000,
      500,
    );
    const before = {
      meldingen: await first.db.melding.findMany({
        select: { id: true, kenmerk: true, bsn: true },
        orderBy: { kenmerk: 'asc' },
      }),
      attachments: await first.db.attachment.findMany({
        select: { id: true, sha256: true },
        orderBy: { id: 'asc' },
      }),
      audit: await first.db.auditEvent.findMany({
        select: { id: true, action: true },
        orderBy: { id: 'asc' },
      }),
      ledger: await first.db.inboundMessage.findMany({
        select: { uid: true, uidValidity: true, state: true },
        orderBy: { uid: 'asc' },
      }),
      secretEnc: (await first.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } })).secretEnc,
    };
    expect(before.attachments.length).toBeGreaterThanOrEqual(6);
    expect(before.audit.length).toBeGreaterThan(0);

    // Online: the worker keeps running (heartbeats, IDLE) while the backup is taken.
    const backup = cli(['backup', '--to', backupsTo]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const out = JSON.parse(backup.stdout) as {
      archive: { path: string; bytes: number; sha256: string };
      keys: { path: string; bytes: number; sha256: string };
      counts: Record<string, number>;
      note: string;
    };
    expect(out.archive.path).toMatch(/meldpost-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(out.keys.path).toMatch(/meldpost-sleutels-\d{8}T\d{6}Z\.json$/);
    expect(statSync(out.archive.path).size).toBe(out.archive.bytes);
    expect(out.archive.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(out.keys.path).mode & 0o777).toBe(0o600);
    expect(statSync(out.archive.path).mode & 0o077).toBe(0);
    expect(out.counts.Melding).toBe(6);
    expect(out.note).toMatch(/apart/);

    worker.kill('SIGTERM');
    await exited(worker);
    await stopServer();

    // The disk is gone.
    rmSync(dataDir, { recursive: true, force: true });
    const restore = cli(['restore', out.archive.path]);
    expect(restore.status, restore.stderr).toBe(0);
    const report = JSON.parse(restore.stdout) as {
      ok: boolean;
      migrations: { ok: boolean };
      secrets: { checked: number; ok: boolean };
      counts: Record<string, { backup: number; restored: number }>;
    };
    expect(report).toMatchObject({ ok: true, migrations: { ok: true }, secrets: { ok: true } });
    expect(report.secrets.checked).toBeGreaterThan(0);
    expect(report.counts.Melding).toEqual({ backup: 6, restored: 6 });

    // A second restore refuses to overwrite what is there now.
    const again = cli(['restore', out.archive.path]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/bevat al een database/);

    const restored = await startServer();
    expect(
      await restored.db.melding.findMany({
        select: { id: true, kenmerk: true, bsn: true },
        orderBy: { kenmerk: 'asc' },
      }),
    ).toEqual(before.meldingen);
    expect(
      await restored.db.attachment.findMany({ select: { id: true, sha256: true }, orderBy: { id: 'asc' } }),
    ).toEqual(before.attachments);
    const auditAfter = await restored.db.auditEvent.findMany({
      select: { id: true, action: true },
      orderBy: { id: 'asc' },
    });
    expect(auditAfter.slice(0, before.audit.length)).toEqual(before.audit);
    const secretEnc = (await restored.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } }))
      .secretEnc;
    expect(secretEnc).toBe(before.secretEnc);
    expect(decryptSecret(secretEnc, getKeyring())).toBe(MAILBOX_USER.password);
    // Attachment bytes read back whole from the restored byte store.
    const pdf = await restored.db.attachment.findFirstOrThrow({
      where: { isForm: true },
      select: { contentHash: true, sha256: true, size: true },
    });
    const content = await readBytes({ db: restored.db, sha256: pdf.contentHash! });
    expect(content?.length).toBe(pdf.size);
    expect(sha256Hex(content!)).toBe(pdf.sha256);

    // The worker on the restored database: it syncs, finds everything in the ledger, ingests nothing again.
    const signalsBefore = env.smtp.messages.length;
    const resumedAt = new Date();
    const resumed = env.spawnWorker({ DATABASE_URL: restored.url });
    await waitFor(
      'a sync after the restore',
      async () =>
        ((await restored.db.mailbox.findUniqueOrThrow({ where: { id: env!.mailbox.id } })).lastSyncAt ?? 0) >
        resumedAt,
      60_000,
      300,
    );
    expect(
      await restored.db.inboundMessage.findMany({
        select: { uid: true, uidValidity: true, state: true },
        orderBy: { uid: 'asc' },
      }),
    ).toEqual(before.ledger);
    expect(await restored.db.melding.count()).toBe(6);
    // And it goes on: the next melding comes in as usual.
    await env.deliver(await meldingMail({ kenmerk: 'PL1300-2026819999' }));
    await waitFor('the next signal', () => env!.smtp.messages.length === signalsBefore + 1, 60_000, 300);
    expect(await restored.db.melding.count()).toBe(7);
    resumed.kill('SIGTERM');
    await exited(resumed);
  }, 420_000);

  it('backs up daily, keeps the newest N, and records a failure for health', async () => {
    const { url, db: live } = server && db ? { url: server.url, db } : await startServer();
    await applyMigrations(url); // nothing to do after the test above; needed when run alone
    const port = server!.port;
    const now = new Date();
    rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
    await live.setting.upsert({
      where: { key: 'backupBewaarAantal' },
      create: { key: 'backupBewaarAantal', value: 2 },
      update: { value: 2 },
    });
    expect(await runDailyBackup({ dataDir, port, databaseUrl: url, now })).toBe('backed-up');
    expect(
      await runDailyBackup({ dataDir, port, databaseUrl: url, now: new Date(now.getTime() + 3600_000) }),
    ).toBe('not-due');
    for (const days of [1, 2, 3])
      expect(
        await runDailyBackup({
          dataDir,
          port,
          databaseUrl: url,
          now: new Date(now.getTime() + days * 86_400_000 + 1000),
        }),
      ).toBe('backed-up');
    const archives = readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.tar.gz'));
    expect(archives).toHaveLength(2);
    expect(
      readdirSync(path.join(dataDir, 'backups')).filter((f) => f.startsWith('meldpost-sleutels-')),
    ).toHaveLength(2);
    const status = readBackupStatus(dataDir)!;
    expect(status.scheduled).toEqual({ keep: 2 });
    expect(existsSync(status.lastSuccess!.archive.path)).toBe(true);
    expect(backupProblem(status, now.getTime() + 3 * 86_400_000 + 2000)).toBeNull();

    // The server is gone: the backup fails, and health is told.
    await stopServer();
    await expect(
      runDailyBackup({ dataDir, port, databaseUrl: url, now: new Date(now.getTime() + 5 * 86_400_000) }),
    ).rejects.toThrow();
    expect(backupProblem(readBackupStatus(dataDir), now.getTime() + 5 * 86_400_000)).toBe(
      'De laatste back-up is mislukt',
    );
  }, 240_000);
});
