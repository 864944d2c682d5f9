/**
 * The daily backup of the embedded database, run by `npm start`'s supervisor: when the last
 * successful backup is a day old (or there is none), a backup into `<data dir>/backups`, keeping
 * the newest `backupBewaarAantal` (a beheerder setting). A failure is recorded (health then says
 * "degraded") and tried again at the next check.
 */
import pg from 'pg';
import { DEFAULT_SETTINGS, settingsFromRows } from '../settings/settings';
import { backupLocalInstance } from './backup-local-instance';
import { readBackupStatus } from './backup-status';

const DAY_MS = 24 * 3600_000;

async function keepSetting(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; value: unknown }>(
      `SELECT key, value FROM "Setting" WHERE key = 'backupBewaarAantal'`,
    );
    return settingsFromRows(rows).backupBewaarAantal;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function runDailyBackup(opts: {
  dataDir: string;
  port: number;
  databaseUrl: string;
  now?: Date;
}): Promise<'backed-up' | 'not-due'> {
  const now = opts.now ?? new Date();
  const last = readBackupStatus(opts.dataDir)?.lastSuccess;
  if (last && now.getTime() - Date.parse(last.at) < DAY_MS) return 'not-due';
  // Unreadable setting (database down): the backup below fails too, and records why.
  const keep = await keepSetting(opts.databaseUrl).catch(() => DEFAULT_SETTINGS.backupBewaarAantal);
  await backupLocalInstance({ dataDir: opts.dataDir, port: opts.port, keep, now });
  return 'backed-up';
}
