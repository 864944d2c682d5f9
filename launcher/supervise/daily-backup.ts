/** Checks hourly (first a minute after start) whether the daily backup is due; see lib/backup/run-daily-backup.ts. */
import { runDailyBackup } from '../../lib/backup/run-daily-backup';
import { errFields, getLogger } from '../../lib/log';

const log = getLogger('backup');
const FIRST_CHECK_MS = 60_000;
const CHECK_EVERY_MS = 3600_000;

export function scheduleDailyBackup(opts: { dataDir: string; port: number; databaseUrl: string }): {
  stop: () => Promise<void>;
} {
  let running: Promise<void> = Promise.resolve();
  const check = () => {
    running = runDailyBackup(opts).then(
      (outcome) =>
        outcome === 'backed-up' && log.info({ msg: 'daily backup written', code: 'backup_daily_done' }),
      (err) => log.error({ msg: 'daily backup failed', code: 'backup_daily_failed', err: errFields(err) }),
    ) as Promise<void>;
  };
  const first = setTimeout(check, FIRST_CHECK_MS);
  const every = setInterval(check, CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
