import 'server-only';
import { backupProblem, readBackupStatus } from '../backup/backup-status';
import { isAlive } from '../process/is-alive';
import { isRestartLoop, readSupervisorStatus } from './supervisor-status';

export type TServiceSummary = {
  /** Processes of `npm start` in a restart loop, with their restarts in all. */
  restartLoops: { name: string; restarts: number; lastExitAt: string | null }[];
  backup: { scheduled: boolean; keep: number | null; lastSuccessAt: string | null; problem: string | null };
};

/** For the beheer overview: what `npm start`'s supervisor and the backups report, from the data dir. */
export function getServiceSummary(opts: { dataDir: string; now?: Date }): TServiceSummary {
  const now = (opts.now ?? new Date()).getTime();
  const supervisor = readSupervisorStatus(opts.dataDir);
  const processes = supervisor && isAlive(supervisor.supervisorPid) ? supervisor.processes : {};
  const backup = readBackupStatus(opts.dataDir);
  return {
    restartLoops: Object.entries(processes).flatMap(([name, status]) =>
      isRestartLoop(status, now)
        ? [{ name, restarts: status.restarts, lastExitAt: status.lastExit?.at ?? null }]
        : [],
    ),
    backup: {
      scheduled: !!backup?.scheduled,
      keep: backup?.scheduled?.keep ?? null,
      lastSuccessAt: backup?.lastSuccess?.at ?? null,
      problem: backupProblem(backup, now),
    },
  };
}
