import 'server-only';
import type { TDb } from '../db/client';
import { kalenderRows } from './kalender';

/**
 * Refreshes the statistics' materialised views CONCURRENTLY (the dashboard keeps reading the old
 * contents meanwhile), after making sure the werkdag calendar reaches two years ahead. Run by the
 * worker's statistics job; tests and the benchmark call it directly.
 */
export async function refreshStatistieken(opts: { db: TDb; now?: Date }): Promise<{ durationMs: number }> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const until = `${now.getUTCFullYear() + 2}-12-31`;
  const last = await opts.db.statsKalender.findFirst({ orderBy: { datum: 'desc' }, select: { datum: true } });
  if (!last || last.datum.toISOString().slice(0, 10) < until) {
    const rows = kalenderRows(until);
    for (let i = 0; i < rows.length; i += 5000)
      await opts.db.statsKalender.createMany({ data: rows.slice(i, i + 5000), skipDuplicates: true });
  }
  // In dependency order: daily rollups read stats_melding, monthly ones the daily ones.
  const views = [
    'stats_melding',
    'stats_dag',
    'stats_dag_pc4',
    'stats_dag_werkdagen',
    'stats_dag_soort',
    'stats_maand',
    'stats_maand_pc4',
    'stats_maand_werkdagen',
    'stats_maand_soort',
    'stats_maand_doorloop',
    'stats_maand_doorloop_alle',
    'stats_keuze',
    'stats_foutmelding',
  ];
  for (const view of views) {
    // An empty view (first fill) is filled directly: nothing to read yet, and far faster than
    // the row-by-row comparison of a concurrent refresh.
    const [filled] = await opts.db.$queryRawUnsafe<{ any: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM ${view}) AS any`,
    );
    // Through the owner's function: the app's runtime role may not refresh views it does not own.
    await opts.db.$executeRaw`SELECT meldpost_refresh_stats_view(${view}, ${filled?.any ?? false})`;
  }
  const durationMs = Date.now() - started;
  await opts.db.statsVernieuwing.upsert({
    where: { id: 1 },
    create: { id: 1, refreshedAt: now, durationMs },
    update: { refreshedAt: now, durationMs },
  });
  return { durationMs };
}
