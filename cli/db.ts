import { migrationStatus } from '../lib/db/migrate';
import { CliUsageError } from './usage';

/** `db status` → JSON {applied, pending, failed}; exit 0 only when nothing is pending or failed. */
export async function dbCommand(databaseUrl: string, args: string[]): Promise<number> {
  if (args[0] !== 'status') throw new CliUsageError('db status');
  const status = await migrationStatus(databaseUrl);
  process.stdout.write(`${JSON.stringify(status)}\n`);
  return status.pending.length || status.failed.length ? 1 : 0;
}
