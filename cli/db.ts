import { migrationStatus } from '../lib/db/migrate';
import { CliUsageError, parseCommandArgs } from './usage';

const DB_USAGE = 'db status';

/** `db status` → JSON {applied, pending, failed}; exit 0 only when nothing is pending or failed. */
export async function dbCommand(databaseUrl: string, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, DB_USAGE, { min: 1, max: 1 });
  if (positionals[0] !== 'status') throw new CliUsageError(DB_USAGE);
  const status = await migrationStatus(databaseUrl);
  process.stdout.write(`${JSON.stringify(status)}\n`);
  return status.pending.length || status.failed.length ? 1 : 0;
}
