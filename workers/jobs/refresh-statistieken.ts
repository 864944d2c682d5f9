/**
 * Keeps the statistics' materialised views fresh: refreshes them CONCURRENTLY every `everyMs`
 * (the dashboard keeps reading the previous contents meanwhile), but never spends more than a
 * tenth of the time refreshing: after a slow refresh (a very large database) it waits longer.
 * A second worker refreshing at the same time only waits for the first (one refresh per view).
 */
import type { TDb } from '../../lib/db/client';
import { getLogger } from '../../lib/log';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { sleep } from '../../lib/sleep';
import type { TLoop } from '../supervisor';

const log = getLogger('stats');

export function refreshStatistiekenLoop(o: { db: TDb; everyMs: number }): TLoop {
  return {
    name: 'statistieken',
    run: async (signal) => {
      while (!signal.aborted) {
        const { durationMs } = await refreshStatistieken({ db: o.db });
        log.info({ msg: 'statistics refreshed', code: 'stats_refreshed', durationMs });
        await sleep(Math.max(o.everyMs, 10 * durationMs), signal);
      }
    },
  };
}
