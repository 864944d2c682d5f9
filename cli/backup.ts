import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { backupLocalInstance } from '../lib/backup/backup-local-instance';
import { restoreBackup } from '../lib/backup/restore-backup';
import { isAlive, startEmbeddedPostgres } from '../lib/db/embedded';
import { applyLocalSecrets, dataDirFromEnv, readRuntime } from '../lib/db/local-instance';
import { CliUsageError } from './usage';

export const BACKUP_USAGE = `backup [--to MAP]             back-up van de ingebouwde database plus een apart sleutelbestand (JSON)`;
export const RESTORE_USAGE = `restore BESTAND [--keys SLEUTELBESTAND]   back-up terugzetten in een lege datamap (JSON met controles)`;

const KEYS_NOTE =
  'Bewaar het sleutelbestand apart van de back-up (een andere plek of drager): wie beide heeft, kan alle geheimen lezen; zonder sleutelbestand is de back-up niet terug te lezen.';

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new CliUsageError(`${usage}\n${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The running instance's database port, or null when no `npm start` holds this data dir. */
function runningPort(dataDir: string): number | null {
  const rt = readRuntime(dataDir);
  if (!rt?.databaseUrl || !isAlive(rt.supervisorPid)) return null;
  return Number(new URL(rt.databaseUrl).port);
}

/** `backup [--to DIR]` → JSON with both files (path, bytes, SHA-256). Works with and without a running instance. */
export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { to: { type: 'string' } }, BACKUP_USAGE);
  if (positionals.length) throw new CliUsageError(BACKUP_USAGE);
  if (process.env.DATABASE_URL)
    throw new Error(
      'backup maakt een back-up van de ingebouwde database; met DATABASE_URL gebruikt u de back-up van uw eigen PostgreSQL (pg_dump van dezelfde versie)',
    );
  const dataDir = dataDirFromEnv();
  const pgDir = path.join(dataDir, 'postgres');
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) throw new Error(`Geen ingebouwde database in ${pgDir}`);
  const secrets = applyLocalSecrets(dataDir);
  let port = runningPort(dataDir);
  const ownServer =
    port === null ? await startEmbeddedPostgres({ dir: pgDir, password: secrets.dbPassword }) : null;
  port ??= ownServer!.port;
  try {
    const result = await backupLocalInstance({ dataDir, port, toDir: values.to as string | undefined });
    process.stdout.write(
      `${JSON.stringify({
        archive: result.archive,
        keys: result.keys,
        createdAt: result.manifest.createdAt,
        postgresVersion: result.manifest.postgresVersion,
        counts: result.manifest.counts,
        note: KEYS_NOTE,
      })}\n`,
    );
    return 0;
  } finally {
    await ownServer?.stop();
  }
}

/** `restore FILE [--keys FILE]` into MELDPOST_DATA_DIR, which must be empty; JSON report, exit 1 when a check fails. */
export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { keys: { type: 'string' } }, RESTORE_USAGE);
  if (positionals.length !== 1) throw new CliUsageError(RESTORE_USAGE);
  const archive = path.resolve(positionals[0]!);
  if (!existsSync(archive)) throw new Error(`Bestand niet gevonden: ${archive}`);
  const keysFile = path.resolve(
    (values.keys as string | undefined) ??
      archive.replace(/meldpost-backup-([^/]+)\.tar\.gz$/, 'meldpost-sleutels-$1.json'),
  );
  if (keysFile === archive || !existsSync(keysFile))
    throw new Error(`Sleutelbestand niet gevonden (${keysFile}); geef het aan met --keys`);
  const dataDir = dataDirFromEnv();
  if (runningPort(dataDir) !== null) throw new Error(`meldpost draait met ${dataDir}: stop het eerst`);
  const report = await restoreBackup({ archive, keysFile, dataDir });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (!report.ok) process.stderr.write('Herstel voltooid, maar een controle faalde: zie de JSON-uitvoer\n');
  return report.ok ? 0 : 1;
}
