/**
 * The daily retention job as a supervised loop: checks every `checkMs` whether the last run (by
 * the worker, the CLI or a beheerder's "nu uitvoeren") is a day old, and runs it if so. The
 * audit log is the record of runs, so a restarted worker does not run it again early; of the
 * workers of several instances checking at the same moment, only the one that claims the day
 * runs it (runOncePerSlot). Two runs at once would still be safe (each melding is removed
 * under its row lock), but would be recorded twice.
 */
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import type { TKeyring } from '../../lib/secrets/crypto';
import type { TDb } from '../../lib/db/client';
import { runOncePerSlot } from '../../lib/jobs/run-once-per-slot';
import { RETENTION_RUN_ACTION, runRetention } from '../../lib/retention/run-retention';
import { sleep } from '../../lib/sleep';
import type { TLoop } from '../supervisor';

const DAY_MS = 24 * 3600_000;

/** `now`: the clock that says whether a day has passed (tests move it on instead of waiting a day). */
export function retentionLoop(opts: { db: TDb; ring: TKeyring; checkMs: number; now?: () => number }): TLoop {
  const now = opts.now ?? Date.now;
  return {
    name: 'retention',
    run: async (signal) => {
      while (!signal.aborted) {
        const last = await opts.db.auditEvent.findFirst({
          where: { action: RETENTION_RUN_ACTION },
          orderBy: { at: 'desc' },
          select: { at: true },
        });
        if (!last || now() - last.at.getTime() >= DAY_MS)
          await runOncePerSlot({
            db: opts.db,
            job: 'retention',
            everyMs: DAY_MS,
            now: new Date(now()),
            run: () =>
              runRetention({ db: opts.db, ring: opts.ring, actor: SYSTEM_ACTOR('retention') }).then(() => {}),
          });
        await sleep(opts.checkMs, signal);
      }
    },
  };
}
