/**
 * `npm start`'s supervision: the web server and the worker each restarted on their own with
 * exponential backoff, never given up; the embedded PostgreSQL (when in use) restarted after a
 * check of its data directory, after which children waiting out a backoff start at once. Every
 * change is written to supervisor.json for health and the beheer page. Stopping goes children
 * first, database last.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { TEmbeddedDb } from '../../lib/db/embedded';
import { supervisorStatusFile, type TSupervisorStatus } from '../../lib/health/supervisor-status';
import { childStarter } from './child-process';
import { embeddedPostgresStarter } from './embedded-postgres-process';
import { superviseProcess, type TSupervisedProcess } from './supervised-process';

export type TInstancePids = { postgresPid: number | null; children: Record<string, number> };

export function superviseInstance(opts: {
  dataDir: string;
  cwd: string;
  postgres: { first: TEmbeddedDb; dir: string; password: string } | null;
  children: Record<string, { args: string[]; env: NodeJS.ProcessEnv }>;
  /** Called whenever a PID changes (for runtime.json, which a later start uses to clean up). */
  onPids: (pids: TInstancePids) => void;
}): { stop: () => Promise<void> } {
  const statusFile = supervisorStatusFile(opts.dataDir);
  const children = new Map<string, TSupervisedProcess>();
  let postgres: TSupervisedProcess | null = null;
  let postgresWasDown = false;

  const write = () => {
    const processes: TSupervisorStatus['processes'] = {};
    if (postgres) processes.postgres = postgres.status();
    for (const [name, child] of children) processes[name] = child.status();
    const status: TSupervisorStatus = {
      supervisorPid: process.pid,
      updatedAt: new Date().toISOString(),
      processes,
    };
    const temp = `${statusFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(status, null, 2), { mode: 0o644 });
    renameSync(temp, statusFile);
    opts.onPids({
      postgresPid: processes.postgres?.pid ?? null,
      children: Object.fromEntries(
        Object.entries(processes).flatMap(([name, s]) =>
          name !== 'postgres' && s.pid ? [[name, s.pid]] : [],
        ),
      ),
    });
  };

  const onPostgresChange = () => {
    const state = postgres?.status().state;
    if (state === 'waiting' || state === 'starting') postgresWasDown = true;
    if (state === 'running' && postgresWasDown) {
      postgresWasDown = false;
      // The database is back: a child that crashed meanwhile need not sit out its backoff.
      for (const child of children.values()) child.startNowIfWaiting();
    }
    write();
  };

  if (opts.postgres)
    postgres = superviseProcess({
      name: 'postgres',
      start: embeddedPostgresStarter(opts.postgres),
      onChange: () => postgres && onPostgresChange(),
    });
  for (const [name, spec] of Object.entries(opts.children))
    children.set(
      name,
      superviseProcess({
        name,
        start: childStarter({ args: spec.args, env: spec.env, cwd: opts.cwd }),
        onChange: () => children.has(name) && write(),
      }),
    );
  write();

  return {
    stop: async () => {
      await Promise.all([...children.values()].map((child) => child.stop()));
      await postgres?.stop();
      rmSync(statusFile, { force: true });
    },
  };
}
