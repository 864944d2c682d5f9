/**
 * A backup of this data dir's embedded database (the CLI's `backup` and the daily schedule):
 * the keys from the environment or the data dir's secrets.json, the server's own superuser login,
 * the outcome recorded in backups/status.json, and — for the daily backups — only the newest
 * `keep` left in place.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadLocalSecrets } from '../db/local-instance';
import { backupDir, writeBackupStatus } from './backup-status';
import { createBackup, type TBackupResult } from './create-backup';

const ARCHIVE = /^meldpost-backup-(\d{8}T\d{6}Z)\.tar\.gz$/;

/** Removes all but the newest `keep` archives in `dir`, each with its keys file. */
export function pruneBackups(dir: string, keep: number): string[] {
  const stamps = readdirSync(dir)
    .flatMap((f) => ARCHIVE.exec(f)?.[1] ?? [])
    .sort()
    .reverse();
  const removed: string[] = [];
  for (const stamp of stamps.slice(keep)) {
    for (const file of [`meldpost-backup-${stamp}.tar.gz`, `meldpost-sleutels-${stamp}.json`]) {
      rmSync(path.join(dir, file), { force: true });
      removed.push(file);
    }
  }
  return removed;
}

export async function backupLocalInstance(opts: {
  dataDir: string;
  port: number;
  toDir?: string;
  /** Daily schedule: keep this many in the data dir's backups folder. */
  keep?: number;
  now?: Date;
}): Promise<TBackupResult> {
  const local = loadLocalSecrets(opts.dataDir);
  const toDir = path.resolve(opts.toDir ?? backupDir(opts.dataDir));
  const oldKeys = (process.env.MELDPOST_OLD_ENCRYPTION_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  try {
    const result = await createBackup({
      superuserUrl: `postgresql://meldpost:${encodeURIComponent(local.dbPassword)}@127.0.0.1:${opts.port}/meldpost`,
      pgDir: path.join(opts.dataDir, 'postgres'),
      toDir,
      now: opts.now,
      keys: {
        dbPassword: local.dbPassword,
        // Keys set in the environment are the ones the data was encrypted with.
        encryptionKey: process.env.MELDPOST_ENCRYPTION_KEY || local.encryptionKey,
        oldEncryptionKeys: oldKeys,
        pseudonymKey: process.env.MELDPOST_PSEUDONYM_KEY || local.pseudonymKey,
        nextauthSecret: process.env.NEXTAUTH_SECRET || local.nextauthSecret,
      },
    });
    if (opts.keep) pruneBackups(toDir, opts.keep);
    writeBackupStatus(opts.dataDir, {
      lastSuccess: { at: result.manifest.createdAt, archive: result.archive, keys: result.keys },
      ...(opts.keep ? { scheduled: { keep: opts.keep } } : {}),
    });
    return result;
  } catch (err) {
    writeBackupStatus(opts.dataDir, {
      lastFailure: {
        at: (opts.now ?? new Date()).toISOString(),
        error: err instanceof Error ? err.message : String(err),
      },
      ...(opts.keep ? { scheduled: { keep: opts.keep } } : {}),
    });
    throw err;
  }
}
