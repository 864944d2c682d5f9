/**
 * What `npm start`'s supervisor knows about its processes, written to `<data dir>/supervisor.json`
 * whenever it changes, so the web server's health check and the beheer page can say that a child
 * is in a restart loop. The supervisor writes it; everyone else only reads it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type TProcessStatus = {
  state: 'starting' | 'running' | 'waiting' | 'stopped';
  pid: number | null;
  /** Restarts since `npm start`, and the times of those within the last RESTART_LOOP_WINDOW_MS. */
  restarts: number;
  recentRestartsAt: string[];
  lastExit: { at: string; code: number | null; signal: string | null } | null;
  /** When a waiting process is started again (exponential backoff). */
  nextStartAt: string | null;
};

export type TSupervisorStatus = {
  supervisorPid: number;
  updatedAt: string;
  processes: Record<string, TProcessStatus>;
};

/** Three restarts in ten minutes, or waiting to be restarted at all: a restart loop. */
export const RESTART_LOOP_WINDOW_MS = 10 * 60_000;
export const RESTART_LOOP_COUNT = 3;

export const supervisorStatusFile = (dataDir: string) => path.join(dataDir, 'supervisor.json');

export function isRestartLoop(status: TProcessStatus, now = Date.now()): boolean {
  const recent = status.recentRestartsAt.filter((at) => now - Date.parse(at) < RESTART_LOOP_WINDOW_MS);
  return status.state === 'waiting' || recent.length >= RESTART_LOOP_COUNT;
}

/** The supervisor's last word, or null when no supervisor runs this instance (e.g. a bare `next start`). */
export function readSupervisorStatus(dataDir: string): TSupervisorStatus | null {
  try {
    return JSON.parse(readFileSync(supervisorStatusFile(dataDir), 'utf8')) as TSupervisorStatus;
  } catch {
    return null;
  }
}
