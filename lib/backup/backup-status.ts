/**
 * The outcome of the latest backups, kept beside them in `<data dir>/backups/status.json`: written
 * by every backup (daily or by hand), read by health (a failed or overdue daily backup is
 * "degraded") and the beheer page.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type TBackupFile = { path: string; bytes: number; sha256: string };

export type TBackupStatus = {
  lastSuccess: { at: string; archive: TBackupFile; keys: TBackupFile } | null;
  lastFailure: { at: string; error: string } | null;
  /** Set by the daily schedule: how many it keeps, and that it is on. */
  scheduled: { keep: number } | null;
};

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');
const statusFile = (dataDir: string) => path.join(backupDir(dataDir), 'status.json');

/** A daily backup older than this (or a failure after the last success) makes health "degraded". */
export const BACKUP_OVERDUE_MS = 26 * 3600_000;

export function readBackupStatus(dataDir: string): TBackupStatus | null {
  try {
    return JSON.parse(readFileSync(statusFile(dataDir), 'utf8')) as TBackupStatus;
  } catch {
    return null;
  }
}

export function writeBackupStatus(dataDir: string, patch: Partial<TBackupStatus>): TBackupStatus {
  const next: TBackupStatus = {
    lastSuccess: null,
    lastFailure: null,
    scheduled: null,
    ...readBackupStatus(dataDir),
    ...patch,
  };
  mkdirSync(backupDir(dataDir), { recursive: true, mode: 0o700 });
  const temp = `${statusFile(dataDir)}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
  renameSync(temp, statusFile(dataDir));
  return next;
}

/** Why the backups need attention, or null when they are fine (or not scheduled here). */
export function backupProblem(status: TBackupStatus | null, now = Date.now()): string | null {
  if (!status?.scheduled) return null;
  const success = status.lastSuccess ? Date.parse(status.lastSuccess.at) : null;
  const failure = status.lastFailure ? Date.parse(status.lastFailure.at) : null;
  if (failure !== null && (success === null || failure > success)) return 'De laatste back-up is mislukt';
  if (success !== null && now - success > BACKUP_OVERDUE_MS)
    return 'De laatste geslaagde back-up is ouder dan een dag';
  return null;
}
