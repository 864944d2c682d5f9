/**
 * Keeps the statistics' materialised views fresh: refreshes them CONCURRENTLY once per period of
 * `everyMs` (the dashboard keeps reading the previous contents meanwhile). Every worker of every
 * instance runs this loop; only the one that claims the period refreshes (runOncePerSlot). Never
 * more than a tenth of the time goes to refreshing: after a slow refresh (a very large database)
 * periods are skipped until ten times its duration has passed.
 */
import type { TDb } from '../../lib/db/client';
import { runOncePerSlot, slotOf } from '../../lib/jobs/run-once-per-slot';
import { getLogger } from '../../lib/log';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { sleep } from '../../lib/sleep';
import type { TLoop } from '../supervisor';

const log = getLogger('stats');
export const STATS_JOB = 'statistieken';

export function refreshStatistiekenLoop(opts: { db: TDb; everyMs: number }): TLoop {
  return {
    name: 'statistieken',
    run: async (signal) => {
      while (!signal.aborted) {
        await runOncePerSlot({
          db: opts.db,
          job: STATS_JOB,
          everyMs: opts.everyMs,
          run: async (slot) => {
            const last = await opts.db.statsVernieuwing.findUnique({ where: { id: 1 } });
            if (last && Date.now() - last.refreshedAt.getTime() < 10 * last.durationMs) return;
            const { durationMs } = await refreshStatistieken({ db: opts.db });
            log.info({
              msg: 'statistics refreshed',
              code: 'stats_refreshed',
              durationMs,
              slot: slot.toISOString(),
            });
          },
        });
        // Wake just after the next period starts (a moment late, so workers whose clocks differ
        // slightly still agree on the period).
        const next = slotOf(new Date(), opts.everyMs).getTime() + opts.everyMs;
        await sleep(next - Date.now() + Math.min(1000, opts.everyMs / 10), signal);
      }
    },
  };
}
