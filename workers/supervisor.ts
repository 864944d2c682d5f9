/**
 * Runs the worker's long-lived loops. Each loop gets an AbortSignal; a loop that throws is logged
 * and restarted after a delay (never silently dropped); SIGTERM aborts all loops and waits for
 * them to finish their current step. The heartbeat row tells /api/health the worker is alive.
 */
import { hostname } from 'node:os';
import type { TDb } from '../lib/db/client';
import { sleep } from '../lib/sleep';
import { errFields, getLogger } from '../lib/log';

const log = getLogger('supervisor');

export type TLoop = { name: string; run: (signal: AbortSignal) => Promise<void> };

export type TSupervisor = {
  workerId: string;
  stop: () => Promise<void>;
  done: Promise<void>;
  loopStates: () => Record<string, TLoopState>;
};

type TLoopState = { state: 'running' | 'restarting' | 'stopped'; restarts: number; lastError: string | null };

export function startSupervisor(opts: {
  db: TDb;
  loops: TLoop[];
  heartbeatMs: number;
  restartDelayMs: number;
}): TSupervisor {
  const controller = new AbortController();
  const { signal } = controller;
  const workerId = `${hostname()}:${process.pid}`;
  const states: Record<string, TLoopState> = {};
  const startedAt = new Date();

  const supervise = async (loop: TLoop) => {
    states[loop.name] = { state: 'running', restarts: 0, lastError: null };
    while (!signal.aborted) {
      try {
        await loop.run(signal);
        if (!signal.aborted) throw new Error('loop returned without being stopped');
      } catch (err) {
        if (signal.aborted) break;
        const s = states[loop.name]!;
        s.state = 'restarting';
        s.restarts += 1;
        s.lastError = errFields(err).message;
        log.error({
          msg: 'loop failed; restarting after delay',
          code: 'worker_loop_failed',
          loop: loop.name,
          err: errFields(err),
          delayMs: opts.restartDelayMs,
        });
        await sleep(opts.restartDelayMs, signal);
        s.state = 'running';
      }
    }
    states[loop.name]!.state = 'stopped';
  };

  const heartbeat: TLoop = {
    name: 'heartbeat',
    run: async (sig) => {
      while (!sig.aborted) {
        const now = new Date();
        await opts.db.workerHeartbeat.upsert({
          where: { id: workerId },
          create: {
            id: workerId,
            pid: process.pid,
            hostname: hostname(),
            startedAt,
            beatAt: now,
            loops: states,
          },
          update: { beatAt: now, loops: states },
        });
        await sleep(opts.heartbeatMs, sig);
      }
    },
  };

  const done = Promise.all([heartbeat, ...opts.loops].map(supervise)).then(async () => {
    // Leave a clean record: a stopped worker is not a silent one.
    await opts.db.workerHeartbeat.delete({ where: { id: workerId } }).catch(() => {});
  });
  log.info({ msg: 'worker started', code: 'worker_started', workerId, loops: opts.loops.map((l) => l.name) });
  return {
    workerId,
    done,
    loopStates: () => states,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
