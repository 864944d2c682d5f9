/**
 * Local state of a zero-setup install, under MELDPOST_DATA_DIR: generated secrets (so a fresh
 * clone needs no configuration) and the running instance's runtime file (so the CLI and a second
 * start find the embedded database, or clean up after a `kill -9`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive, startEmbeddedPostgres } from './embedded';

type TLocalSecrets = {
  dbPassword: string;
  encryptionKey: string;
  pseudonymKey: string;
  nextauthSecret: string;
};

export function dataDirFromEnv(): string {
  return path.resolve(process.env.MELDPOST_DATA_DIR || './data');
}

function writePrivate(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, file);
}

export function loadLocalSecrets(dataDir: string): TLocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as TLocalSecrets;
  const secrets: TLocalSecrets = {
    dbPassword: randomBytes(18).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
    pseudonymKey: randomBytes(32).toString('base64'),
    nextauthSecret: randomBytes(32).toString('base64url'),
  };
  writePrivate(file, JSON.stringify(secrets, null, 2));
  return secrets;
}

/** Fills unset secrets from the data dir; variables set in the environment always win. */
export function applyLocalSecrets(dataDir: string): TLocalSecrets {
  const s = loadLocalSecrets(dataDir);
  process.env.MELDPOST_ENCRYPTION_KEY ||= s.encryptionKey;
  process.env.MELDPOST_PSEUDONYM_KEY ||= s.pseudonymKey;
  process.env.NEXTAUTH_SECRET ||= s.nextauthSecret;
  return s;
}

export type TRuntime = {
  supervisorPid: number;
  databaseUrl: string | null;
  postgresPid: number | null;
  children: Record<string, number>;
  webUrl: string;
};

const runtimeFile = (dataDir: string) => path.join(dataDir, 'runtime.json');

export function readRuntime(dataDir: string): TRuntime | null {
  try {
    return JSON.parse(readFileSync(runtimeFile(dataDir), 'utf8')) as TRuntime;
  } catch {
    return null;
  }
}

export function writeRuntime(dataDir: string, rt: TRuntime): void {
  writePrivate(runtimeFile(dataDir), JSON.stringify(rt, null, 2));
}

export function removeRuntime(dataDir: string): void {
  rmSync(runtimeFile(dataDir), { force: true });
}

/**
 * A database for a one-off command (CLI, seed, migrate): DATABASE_URL if set, else the running
 * instance's embedded server, else the embedded server started just for this command.
 */
export async function connectForCommand(): Promise<{ url: string; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  const dataDir = dataDirFromEnv();
  const secrets = applyLocalSecrets(dataDir);
  const rt = readRuntime(dataDir);
  if (rt?.databaseUrl && isAlive(rt.supervisorPid)) {
    process.env.DATABASE_URL = rt.databaseUrl;
    return { url: rt.databaseUrl, close: async () => {} };
  }
  const db = await startEmbeddedPostgres({
    dir: path.join(dataDir, 'postgres'),
    password: secrets.dbPassword,
  });
  process.env.DATABASE_URL = db.url;
  return { url: db.url, close: db.stop };
}
