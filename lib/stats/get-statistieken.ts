import 'server-only';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import type { TStatsFigures } from './figures';
import type { TStatsFilter } from './period';
import { STATS_QUERIES } from './queries';
import { requireStatistiekenAccess } from './require-statistieken-access';

/**
 * All figures of the statistics page for a filter: aggregates only, never a melding. The role
 * is checked here too, not only by the page (throws not_found for a role that may not see them).
 */
export async function getStatistieken(opts: {
  db: TDb;
  role: Role;
  filter: TStatsFilter;
}): Promise<TStatsFigures> {
  const settings = await requireStatistiekenAccess({ db: opts.db, role: opts.role });
  const ctx = { db: opts.db, filter: opts.filter, werkdagenBeoordeling: settings.werkdagenBeoordeling };
  const q = STATS_QUERIES;
  // One after another: the pool is shared with the rest of the dashboard.
  const series = await q.series(ctx);
  const perEenheid = await q.perEenheid(ctx);
  const perGemeente = await q.perGemeente(ctx);
  const perPc4 = await q.perPc4(ctx);
  const perKanaal = await q.perKanaal(ctx);
  const perSoort = await q.perSoort(ctx);
  const statusUitkomst = await q.perStatusUitkomst(ctx);
  const doorlooptijden = await q.doorlooptijden(ctx);
  const flags = await q.flags(ctx);
  const foutmeldingen = await q.foutmeldingen(ctx);
  const vernieuwing = await opts.db.statsVernieuwing.findUnique({
    where: { id: 1 },
    select: { refreshedAt: true },
  });
  return {
    filter: opts.filter,
    werkdagenBeoordeling: settings.werkdagenBeoordeling,
    bijgewerkt: vernieuwing?.refreshedAt ?? null,
    ...series,
    perEenheid,
    perGemeente,
    perPc4,
    perKanaal,
    perSoort,
    soortenMelding: settings.soortenMelding,
    ...statusUitkomst,
    doorlooptijden,
    flags,
    foutmeldingen,
  };
}
