import 'server-only';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { requireStatistiekenAccess } from './require-statistieken-access';

export type TStatsKeuzes = { gemeente: string[]; eenheid: string[]; basisteam: string[] };

/** The gemeenten, eenheden and basisteams the statistics' filters offer. */
export async function listStatsKeuzes(opts: { db: TDb; role: Role }): Promise<TStatsKeuzes> {
  await requireStatistiekenAccess({ db: opts.db, role: opts.role });
  const rows = await opts.db.$queryRaw<
    { soort: keyof TStatsKeuzes; waarde: string }[]
  >`SELECT soort, waarde FROM stats_keuze ORDER BY soort, waarde`;
  const keuzes: TStatsKeuzes = { gemeente: [], eenheid: [], basisteam: [] };
  for (const r of rows) keuzes[r.soort].push(r.waarde);
  return keuzes;
}
