/**
 * Restores a backup made by create-backup.ts into an empty data dir: unpacks the base backup as
 * `<data dir>/postgres`, writes the keys as `<data dir>/secrets.json`, starts the embedded server
 * (which replays the backup's WAL) and checks what came back: the same migrations, every table
 * with its rows, and a sample of encrypted secrets that decrypt with the restored keys. Refuses a
 * data dir that already holds a database or keys: a restore never overwrites.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded';
import { decryptStoredSecret, keyringFrom } from '../secrets/crypto';
import { mailboxSecretContext, totpSecretContext } from '../secrets/secret-context';
import { BACKUP_FORMAT, sha256File, type TBackupKeys, type TBackupManifest } from './create-backup';
import { readDatabaseFacts } from './database-facts';

export type TRestoreReport = {
  ok: boolean;
  dataDir: string;
  backupCreatedAt: string;
  archiveSha256: string;
  migrations: { ok: boolean; backup: number; restored: number };
  counts: Record<string, { backup: number; restored: number | null }>;
  /** Rows written while the backup ran make counts differ; a missing table never is fine. */
  countsMatch: boolean;
  secrets: { checked: number; ok: boolean };
};

export class RestoreRefused extends Error {}

const SECRET_SAMPLE = 20;

function refuseNonEmpty(dataDir: string): void {
  const pgDir = path.join(dataDir, 'postgres');
  if (existsSync(pgDir) && readdirSync(pgDir).length)
    throw new RestoreRefused(`${pgDir} bevat al een database; herstellen kan alleen in een lege datamap`);
  if (existsSync(path.join(dataDir, 'secrets.json')))
    throw new RestoreRefused(
      `${path.join(dataDir, 'secrets.json')} bestaat al; herstellen kan alleen in een lege datamap`,
    );
}

export async function restoreBackup(opts: {
  archive: string;
  keysFile: string;
  dataDir: string;
}): Promise<TRestoreReport> {
  const dataDir = path.resolve(opts.dataDir);
  refuseNonEmpty(dataDir);
  const keys = JSON.parse(readFileSync(opts.keysFile, 'utf8')) as TBackupKeys;
  if (!keys.dbPassword || !keys.encryptionKey || !keys.pseudonymKey || !keys.nextauthSecret)
    throw new RestoreRefused(`${opts.keysFile} is geen sleutelbestand van een meldpost-back-up`);
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const unpacked = await mkdtemp(path.join(dataDir, '.herstel-'));
  const pgDir = path.join(dataDir, 'postgres');
  try {
    execFileSync('tar', ['-C', unpacked, '-xzf', opts.archive], { stdio: 'pipe' });
    const manifest = JSON.parse(
      readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'),
    ) as TBackupManifest;
    if (manifest.format !== BACKUP_FORMAT || !existsSync(path.join(unpacked, 'pg', 'backup_label')))
      throw new RestoreRefused(`${opts.archive} is geen meldpost-back-up`);
    refuseNonEmpty(dataDir); // again: nothing may have appeared while unpacking
    await rm(pgDir, { recursive: true, force: true }); // an empty directory at most
    await rename(path.join(unpacked, 'pg'), pgDir);
    // As root the embedded server runs as `postgres`, which must own its data directory.
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', pgDir]);
    execFileSync('chmod', ['0700', pgDir]);
    await writeFile(
      path.join(dataDir, 'secrets.json'),
      JSON.stringify(
        {
          dbPassword: keys.dbPassword,
          encryptionKey: keys.encryptionKey,
          pseudonymKey: keys.pseudonymKey,
          nextauthSecret: keys.nextauthSecret,
        },
        null,
        2,
      ),
      { mode: 0o600 },
    );

    const server = await startEmbeddedPostgres({ dir: pgDir, password: keys.dbPassword });
    const client = new pg.Client({ connectionString: server.url });
    client.on('error', () => {});
    try {
      await client.connect();
      const restored = await readDatabaseFacts(client);
      const counts: TRestoreReport['counts'] = {};
      for (const [table, backup] of Object.entries(manifest.counts))
        counts[table] = { backup, restored: restored.counts[table] ?? null };
      const ring = keyringFrom(keys.encryptionKey, keys.oldEncryptionKeys ?? []);
      const secrets = (
        await client.query<{ kind: 'mailbox' | 'totp'; id: string; enc: string }>(
          `(SELECT 'mailbox' AS kind, id::text, "secretEnc" AS enc FROM "Mailbox" LIMIT $1)
           UNION ALL (SELECT 'totp', id::text, "mfaSecretEnc" FROM "User" WHERE "mfaSecretEnc" IS NOT NULL LIMIT $1)`,
          [SECRET_SAMPLE],
        )
      ).rows;
      let secretsOk = true;
      for (const { kind, id, enc } of secrets) {
        try {
          decryptStoredSecret(
            enc,
            ring,
            kind === 'mailbox' ? mailboxSecretContext(id) : totpSecretContext(id),
          );
        } catch {
          secretsOk = false;
        }
      }
      const migrationsOk = JSON.stringify(restored.migrations) === JSON.stringify(manifest.migrations);
      const tablesOk = Object.values(counts).every((c) => c.restored !== null);
      return {
        ok: migrationsOk && tablesOk && secretsOk,
        dataDir,
        backupCreatedAt: manifest.createdAt,
        archiveSha256: await sha256File(opts.archive),
        migrations: {
          ok: migrationsOk,
          backup: manifest.migrations.length,
          restored: restored.migrations.length,
        },
        counts,
        countsMatch: Object.values(counts).every((c) => c.restored === c.backup),
        secrets: { checked: secrets.length, ok: secretsOk },
      };
    } finally {
      await client.end().catch(() => {});
      await server.stop();
    }
  } finally {
    await rm(unpacked, { recursive: true, force: true });
  }
}
