/**
 * One process under `npm start`'s supervision (the web server, the worker, the embedded
 * PostgreSQL): started, watched, and started again after every exit with exponential backoff —
 * independently of the others, and without ever giving up. What happens is kept in a
 * TProcessStatus for supervisor.json (health and the beheer page read it).
 */
import { errFields, getLogger } from '../../lib/log';
import { RESTART_LOOP_WINDOW_MS, type TProcessStatus } from '../../lib/health/supervisor-status';
import { DEFAULT_BACKOFF, restartDelay, type TBackoff } from './backoff';

const log = getLogger('start');

export type TExit = { code: number | null; signal: string | null };

/** A started process: its PID, a promise for its end, and how to stop it in good order. */
export type TRunningProcess = { pid: number | null; exited: Promise<TExit>; stop: () => Promise<void> };

export type TSupervisedProcess = {
  status: () => TProcessStatus;
  /** Cuts a pending backoff short (e.g. the database is back, so a waiting child may try now). */
  startNowIfWaiting: () => void;
  stop: () => Promise<void>;
};

export function superviseProcess(opts: {
  name: string;
  start: () => Promise<TRunningProcess>;
  onChange: () => void;
  backoff?: TBackoff;
}): TSupervisedProcess {
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const status: TProcessStatus = {
    state: 'starting',
    pid: null,
    restarts: 0,
    recentRestartsAt: [],
    lastExit: null,
    nextStartAt: null,
  };
  const restartTimes: number[] = [];
  let stopping = false;
  let running: TRunningProcess | null = null;
  let wakeUp: (() => void) | null = null;
  let failuresInARow = 0;

  const set = (patch: Partial<TProcessStatus>) => {
    Object.assign(status, patch);
    opts.onChange();
  };

  const runOnce = async (): Promise<TExit> => {
    const startedAt = Date.now();
    set({ state: 'starting', nextStartAt: null });
    let exit: TExit;
    try {
      running = await opts.start();
      // A stop that came while it was starting: it waited for this handle.
      if (stopping) await running.stop();
      set({ state: 'running', pid: running.pid });
      exit = await running.exited;
    } catch (err) {
      log.error({
        msg: `${opts.name} could not start`,
        code: 'start_process_failed',
        child: opts.name,
        err: errFields(err),
      });
      exit = { code: null, signal: null };
    }
    running = null;
    failuresInARow = Date.now() - startedAt >= backoff.stableMs ? 1 : failuresInARow + 1;
    return exit;
  };

  const loop = (async () => {
    while (!stopping) {
      const exit = await runOnce();
      if (stopping) break;
      const now = Date.now();
      restartTimes.push(now);
      while (restartTimes.length && now - restartTimes[0]! > RESTART_LOOP_WINDOW_MS) restartTimes.shift();
      const delay = restartDelay(failuresInARow, backoff);
      log.warn({
        msg: `${opts.name} stopped; restarting after backoff`,
        code: 'start_child_restart',
        child: opts.name,
        exitCode: exit.code,
        signal: exit.signal,
        delayMs: delay,
        failuresInARow,
      });
      set({
        state: 'waiting',
        pid: null,
        restarts: status.restarts + 1,
        recentRestartsAt: restartTimes.map((at) => new Date(at).toISOString()),
        lastExit: { at: new Date(now).toISOString(), ...exit },
        nextStartAt: new Date(now + delay).toISOString(),
      });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, delay);
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        }
        wakeUp = done;
      });
    }
    set({ state: 'stopped', pid: null, nextStartAt: null });
  })();

  return {
    status: () => ({ ...status }),
    startNowIfWaiting: () => {
      failuresInARow = 0;
      wakeUp?.();
    },
    stop: async () => {
      stopping = true;
      wakeUp?.();
      await running?.stop();
      await loop;
    },
  };
}
