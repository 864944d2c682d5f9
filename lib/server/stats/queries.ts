import 'server-only';
import type { TDb } from '../../db/client';
import { Prisma } from '../../db/generated/client';
import type { MeldingStatus, Uitkomst } from '../../db/generated/enums';
import type { TDoorlooptijd, TFiguren } from '../../stats/figures';
import { previousYear, type TStap, type TStatsFilter } from '../../stats/period';

/**
 * Every query behind the statistics page, each over the materialised views (see the stats_views
 * migration), by name — the page runs them all, `npm run bench:stats` times each one.
 * Callers check access first (requireStatistiekenAccess).
 */
export type TQueryContext = { db: TDb; filter: TStatsFilter; werkdagenBeoordeling: number };

function where(f: TStatsFilter, range: { van: string; tot: string }): Prisma.Sql {
  const parts = [Prisma.sql`received_date BETWEEN ${range.van}::date AND ${range.tot}::date`];
  if (f.gemeente) parts.push(Prisma.sql`gemeente = ${f.gemeente}`);
  if (f.eenheid) parts.push(Prisma.sql`eenheid = ${f.eenheid}`);
  if (f.basisteam) parts.push(Prisma.sql`basisteam = ${f.basisteam}`);
  return Prisma.join(parts, ' AND ');
}

/** A bucket key for a day `d`, and the key of the bucket one year later (the trend partner). */
const BUCKET: Record<TStap, { key: string; nextYear: string }> = {
  dag: { key: `to_char(d, 'YYYY-MM-DD')`, nextYear: `to_char(d + interval '1 year', 'YYYY-MM-DD')` },
  week: { key: `to_char(d, 'IYYY-"W"IW')`, nextYear: `(extract(isoyear FROM d)::int + 1)::text || to_char(d, '-"W"IW')` },
  maand: { key: `to_char(d, 'YYYY-MM')`, nextYear: `to_char(d + interval '1 year', 'YYYY-MM')` },
  jaar: { key: `to_char(d, 'YYYY')`, nextYear: `(extract(year FROM d)::int + 1)::text` },
};

async function reeks({ db, filter }: TQueryContext): Promise<Pick<TFiguren, 'reeks' | 'totaal' | 'totaalVorigJaar'>> {
  const b = BUCKET[filter.stap];
  const prev = previousYear(filter);
  const rows = await db.$queryRaw<{ k: string | null; aantal: number; vorig: number }[]>`
    WITH keys AS (
      SELECT DISTINCT ${Prisma.raw(b.key.replace(/\bd\b/g, 'g::date'))} AS k
      FROM generate_series(${filter.van}::date, ${filter.tot}::date, interval '1 day') g
    ), cur AS (
      SELECT ${Prisma.raw(b.key.replace(/\bd\b/g, 'received_date'))} AS k, count(*)::int AS n FROM stats_melding WHERE ${where(filter, filter)} GROUP BY 1
    ), prev AS (
      SELECT ${Prisma.raw(b.nextYear.replace(/\bd\b/g, 'received_date'))} AS k, count(*)::int AS n FROM stats_melding WHERE ${where(filter, prev)} GROUP BY 1
    )
    SELECT keys.k, coalesce(cur.n, 0) AS aantal, coalesce(prev.n, 0) AS vorig FROM keys LEFT JOIN cur USING (k) LEFT JOIN prev USING (k)
    UNION ALL
    SELECT NULL, (SELECT coalesce(sum(n), 0)::int FROM cur), (SELECT coalesce(sum(n), 0)::int FROM prev)
    ORDER BY 1 NULLS LAST`;
  const totals = rows.pop()!;
  return { reeks: rows.map((r) => ({ sleutel: r.k!, aantal: r.aantal, vorigJaar: r.vorig })), totaal: totals.aantal, totaalVorigJaar: totals.vorig };
}

const perEenheid = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<TFiguren['perEenheid']>`SELECT eenheid, basisteam, count(*)::int AS aantal FROM stats_melding WHERE ${where(filter, filter)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`;

const perGemeente = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<TFiguren['perGemeente']>`SELECT gemeente, count(*)::int AS aantal FROM stats_melding WHERE ${where(filter, filter)} GROUP BY 1 ORDER BY 2 DESC, 1`;

const perPc4 = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<TFiguren['perPc4']>`SELECT pc4, count(*)::int AS aantal FROM stats_melding WHERE ${where(filter, filter)} GROUP BY 1 ORDER BY 2 DESC, 1`;

async function perStatusUitkomst({ db, filter }: TQueryContext): Promise<Pick<TFiguren, 'perStatus' | 'perUitkomst' | 'perLoket'>> {
  const rows = await db.$queryRaw<{ set: number; status: MeldingStatus | null; uitkomst: Uitkomst | null; loket: string | null; aantal: number }[]>`
    SELECT GROUPING(status, uitkomst, loket_advies)::int AS set, status, uitkomst, loket_advies AS loket, count(*)::int AS aantal
    FROM stats_melding WHERE ${where(filter, filter)}
    GROUP BY GROUPING SETS ((status), (uitkomst), (uitkomst, loket_advies))
    ORDER BY aantal DESC, 2, 3, 4`;
  // GROUPING bits (status, uitkomst, loket): 3 = by status, 5 = by uitkomst, 4 = by uitkomst and loket.
  return {
    perStatus: rows.filter((r) => r.set === 3).map((r) => ({ status: r.status!, aantal: r.aantal })),
    perUitkomst: rows.filter((r) => r.set === 5).map((r) => ({ uitkomst: r.uitkomst, aantal: r.aantal })),
    perLoket: rows.filter((r) => r.set === 4 && r.uitkomst === 'NIET_IN_BEHANDELING').map((r) => ({ loket: r.loket, aantal: r.aantal })),
  };
}

async function doorlooptijden({ db, filter }: TQueryContext): Promise<TFiguren['doorlooptijden']> {
  const pct = (col: string, as: string) => Prisma.raw(`count(${col})::int AS ${as}_n, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${col}) AS ${as}_p`);
  // Sorting a year or more of durations needs more than the default 4 MB to stay in memory.
  const [, rows] = await db.$transaction([
    db.$executeRaw`SET LOCAL work_mem = '64MB'`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT ${pct('signal_seconds', 's')}, ${pct('first_assessment_seconds', 'b')}, ${pct('closed_seconds', 'a')}
      FROM stats_melding WHERE ${where(filter, filter)}`,
  ]);
  const row = rows[0]!;
  const d = (as: string): TDoorlooptijd => {
    const p = row[`${as}_p`] as number[] | null;
    return { n: row[`${as}_n`] as number, mediaan: p?.[0] ?? null, p90: p?.[1] ?? null };
  };
  return { signaal: d('s'), beoordeling: d('b'), afgerond: d('a') };
}

async function kenmerken({ db, filter, werkdagenBeoordeling }: TQueryContext): Promise<TFiguren['kenmerken']> {
  const [row] = await db.$queryRaw<TFiguren['kenmerken'][]>`
    SELECT
      count(*) FILTER (WHERE assessed_werkdagen IS NOT NULL OR assessed_within IS NOT NULL)::int AS beoordeeld,
      count(*) FILTER (WHERE assessed_werkdagen <= ${werkdagenBeoordeling} OR assessed_within)::int AS "binnenWerkdagen",
      count(*) FILTER (WHERE telefonisch)::int AS telefonisch,
      count(*) FILTER (WHERE veilig_thuis)::int AS "veiligThuis",
      count(*) FILTER (WHERE hulpverlening)::int AS hulpverlening,
      count(*) FILTER (WHERE geinformeerd)::int AS geinformeerd,
      count(*) FILTER (WHERE aanvulling)::int AS aanvulling,
      count(*) FILTER (WHERE herhaling)::int AS herhaling
    FROM stats_melding WHERE ${where(filter, filter)}`;
  return row!;
}

async function foutmeldingen({ db, filter }: TQueryContext): Promise<number | null> {
  if (filter.gemeente || filter.eenheid || filter.basisteam) return null;
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(aantal), 0)::int AS n FROM stats_foutmelding WHERE datum BETWEEN ${filter.van}::date AND ${filter.tot}::date`;
  return row!.n;
}

export const STATS_QUERIES = { reeks, perEenheid, perGemeente, perPc4, perStatusUitkomst, doorlooptijden, kenmerken, foutmeldingen };
