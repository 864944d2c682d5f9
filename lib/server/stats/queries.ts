import 'server-only';
import type { TDb } from '../../db/client';
import { Prisma } from '../../db/generated/client';
import type { MeldingStatus, Uitkomst } from '../../db/generated/enums';
import type { TDoorlooptijd, TFiguren } from '../../stats/figures';
import { previousYear, type TStap, type TStatsFilter } from '../../stats/period';

/**
 * Every query behind the statistics page, by name — the page runs them all, `npm run bench:stats`
 * times each one. Counts come from the daily rollups, doorlooptijden from stats_melding (see the
 * stats_rollups migration). Callers check access first (requireStatistiekenAccess).
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
      SELECT ${Prisma.raw(b.key.replace(/\bd\b/g, 'received_date'))} AS k, sum(n)::int AS n FROM stats_dag WHERE ${where(filter, filter)} GROUP BY 1
    ), prev AS (
      SELECT ${Prisma.raw(b.nextYear.replace(/\bd\b/g, 'received_date'))} AS k, sum(n)::int AS n FROM stats_dag WHERE ${where(filter, prev)} GROUP BY 1
    )
    SELECT keys.k, coalesce(cur.n, 0) AS aantal, coalesce(prev.n, 0) AS vorig FROM keys LEFT JOIN cur USING (k) LEFT JOIN prev USING (k)
    UNION ALL
    SELECT NULL, (SELECT coalesce(sum(n), 0)::int FROM cur), (SELECT coalesce(sum(n), 0)::int FROM prev)
    ORDER BY 1 NULLS LAST`;
  const totals = rows.pop()!;
  return { reeks: rows.map((r) => ({ sleutel: r.k!, aantal: r.aantal, vorigJaar: r.vorig })), totaal: totals.aantal, totaalVorigJaar: totals.vorig };
}

const perEenheid = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<TFiguren['perEenheid']>`SELECT eenheid, basisteam, sum(n)::int AS aantal FROM stats_dag WHERE ${where(filter, filter)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`;

const perGemeente = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<TFiguren['perGemeente']>`SELECT gemeente, sum(n)::int AS aantal FROM stats_dag WHERE ${where(filter, filter)} GROUP BY 1 ORDER BY 2 DESC, 1`;

const perPc4 = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<TFiguren['perPc4']>`SELECT pc4, sum(n)::int AS aantal FROM stats_dag_pc4 WHERE ${where(filter, filter)} GROUP BY 1 ORDER BY 2 DESC, 1`;

async function perStatusUitkomst({ db, filter }: TQueryContext): Promise<Pick<TFiguren, 'perStatus' | 'perUitkomst' | 'perLoket'>> {
  const rows = await db.$queryRaw<{ set: number; status: MeldingStatus | null; uitkomst: Uitkomst | null; loket: string | null; aantal: number }[]>`
    SELECT GROUPING(status, uitkomst, loket_advies)::int AS set, status, uitkomst, loket_advies AS loket, sum(n)::int AS aantal
    FROM stats_dag WHERE ${where(filter, filter)}
    GROUP BY GROUPING SETS ((status), (uitkomst), (uitkomst, loket_advies))
    ORDER BY aantal DESC, 2, 3, 4`;
  // GROUPING bits (status, uitkomst, loket): 3 = by status, 5 = by uitkomst, 4 = by uitkomst and loket.
  return {
    perStatus: rows.filter((r) => r.set === 3).map((r) => ({ status: r.status!, aantal: r.aantal })),
    perUitkomst: rows.filter((r) => r.set === 5).map((r) => ({ uitkomst: r.uitkomst, aantal: r.aantal })),
    perLoket: rows.filter((r) => r.set === 4 && r.uitkomst === 'NIET_IN_BEHANDELING').map((r) => ({ loket: r.loket, aantal: r.aantal })),
  };
}

/**
 * Seconds per step of the shown resolution (0.1 minute, 0.1 hour, 0.1 day). Durations are
 * counted per step (a hash aggregate, no sort of a million values) and the percentile is the
 * nearest rank: exactly the floored step of the nearest-rank percentile of the raw seconds.
 */
export const DOORLOOP_STAP = { signaal: 6, beoordeling: 360, afgerond: 8640 } as const;

function nearestRank(hist: { stap: number; n: number }[], p: number): number | null {
  const total = hist.reduce((sum, h) => sum + h.n, 0);
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const h of hist) if ((seen += h.n) >= rank) return h.stap;
  return null;
}

async function doorlooptijden({ db, filter }: TQueryContext): Promise<TFiguren['doorlooptijden']> {
  const S = DOORLOOP_STAP;
  const rows = await db.$queryRaw<{ soort: keyof typeof S; stap: number; n: number }[]>`
    SELECT CASE GROUPING(s, b, a) WHEN 3 THEN 'signaal' WHEN 5 THEN 'beoordeling' ELSE 'afgerond' END AS soort, coalesce(s, b, a) AS stap, count(*)::int AS n
    FROM (
      SELECT floor(signal_seconds / ${S.signaal}::float8)::int AS s, floor(first_assessment_seconds / ${S.beoordeling}::float8)::int AS b, floor(closed_seconds / ${S.afgerond}::float8)::int AS a
      FROM stats_melding WHERE ${where(filter, filter)}
    ) d
    GROUP BY GROUPING SETS ((s), (b), (a))
    HAVING coalesce(s, b, a) IS NOT NULL
    ORDER BY 1, 2`;
  const d = (soort: keyof typeof S): TDoorlooptijd => {
    const hist = rows.filter((r) => r.soort === soort);
    const at = (p: number) => {
      const stap = nearestRank(hist, p);
      return stap === null ? null : stap * S[soort];
    };
    return { n: hist.reduce((sum, h) => sum + h.n, 0), mediaan: at(0.5), p90: at(0.9) };
  };
  return { signaal: d('signaal'), beoordeling: d('beoordeling'), afgerond: d('afgerond') };
}

async function kenmerken({ db, filter, werkdagenBeoordeling }: TQueryContext): Promise<TFiguren['kenmerken']> {
  const [row] = await db.$queryRaw<TFiguren['kenmerken'][]>`
    WITH w AS (
      SELECT coalesce(sum(n), 0)::int AS beoordeeld, coalesce(sum(n) FILTER (WHERE werkdagen <= ${werkdagenBeoordeling} OR binnen), 0)::int AS binnen
      FROM stats_dag_werkdagen WHERE ${where(filter, filter)}
    )
    SELECT (SELECT beoordeeld FROM w) AS beoordeeld, (SELECT binnen FROM w) AS "binnenWerkdagen",
      coalesce(sum(telefonisch), 0)::int AS telefonisch,
      coalesce(sum(veilig_thuis), 0)::int AS "veiligThuis",
      coalesce(sum(hulpverlening), 0)::int AS hulpverlening,
      coalesce(sum(geinformeerd), 0)::int AS geinformeerd,
      coalesce(sum(aanvulling), 0)::int AS aanvulling,
      coalesce(sum(herhaling), 0)::int AS herhaling
    FROM stats_dag WHERE ${where(filter, filter)}`;
  return row!;
}

async function foutmeldingen({ db, filter }: TQueryContext): Promise<number | null> {
  if (filter.gemeente || filter.eenheid || filter.basisteam) return null;
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(aantal), 0)::int AS n FROM stats_foutmelding WHERE datum BETWEEN ${filter.van}::date AND ${filter.tot}::date`;
  return row!.n;
}

export const STATS_QUERIES = { reeks, perEenheid, perGemeente, perPc4, perStatusUitkomst, doorlooptijden, kenmerken, foutmeldingen };
