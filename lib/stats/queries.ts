import 'server-only';
import type { TDb } from '../db/client';
import { Prisma } from '../db/generated/client';
import type { MeldingStatus, Uitkomst } from '../db/generated/enums';
import type { TDoorlooptijd, TStatsFigures } from './figures';
import { previousYear, type TStap, type TStatsFilter } from './period';

/**
 * Every query behind the statistics page, by name — the page runs them all, `npm run bench:stats`
 * times each one. A period's whole months are read from the monthly rollups and only its partial
 * months at either end from the daily ones (see the stats_rollups and stats_monthly migrations),
 * so a five-year period costs little more than a month. Callers check access first
 * (requireStatistiekenAccess).
 */
export type TQueryContext = { db: TDb; filter: TStatsFilter; werkdagenBeoordeling: number };
type TRange = { van: string; tot: string };

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The whole calendar months inside a period: first day of the first and of the last; null if none. */
export function wholeMonths(r: TRange): { from: string; to: string; toEnd: string } | null {
  const v = day(r.van);
  const t = day(r.tot);
  const from = v.getUTCDate() === 1 ? v : new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth() + 1, 1));
  const lastOfTot = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0));
  const to =
    t.getTime() === lastOfTot.getTime()
      ? new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1))
      : new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 1, 1));
  if (from > to) return null;
  return {
    from: iso(from),
    to: iso(to),
    toEnd: iso(new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 0))),
  };
}

function dims(f: TStatsFilter): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (f.gemeente) parts.push(Prisma.sql`gemeente = ${f.gemeente}`);
  if (f.eenheid) parts.push(Prisma.sql`eenheid = ${f.eenheid}`);
  if (f.basisteam) parts.push(Prisma.sql`basisteam = ${f.basisteam}`);
  return Prisma.join(parts, ' AND ');
}

/** Each rollup: its daily and monthly views, the columns both have, and (doorloop) an unfiltered monthly view. */
const ROLLUPS = {
  telling: { dag: 'stats_dag', maand: 'stats_maand', alle: null, cols: '*' },
  pc4: { dag: 'stats_dag_pc4', maand: 'stats_maand_pc4', alle: null, cols: '*' },
  werkdagen: { dag: 'stats_dag_werkdagen', maand: 'stats_maand_werkdagen', alle: null, cols: '*' },
  soort: { dag: 'stats_dag_soort', maand: 'stats_maand_soort', alle: null, cols: '*' },
  doorloop: {
    dag: 'stats_doorloop_dag',
    maand: 'stats_maand_doorloop',
    alle: 'stats_maand_doorloop_alle',
    cols: 'received_date, soort, stap, n',
  },
} as const;

const dayAfter = (s: string, days: number) => iso(new Date(day(s).getTime() + days * 86_400_000));

/**
 * The rows of a rollup for a period and filter: whole months from the monthly view (unless
 * `daily`), the days before and after them from the daily one — as two narrow date ranges, so
 * the daily index reads only those days.
 */
function source(rollup: keyof typeof ROLLUPS, f: TStatsFilter, r: TRange, daily = false): Prisma.Sql {
  const t = ROLLUPS[rollup];
  const cols = Prisma.raw(t.cols);
  const months = daily ? null : wholeMonths(r);
  if (!months)
    return Prisma.sql`(SELECT ${cols} FROM ${Prisma.raw(t.dag)} WHERE received_date BETWEEN ${r.van}::date AND ${r.tot}::date AND ${dims(f)}) src`;
  const unfiltered = !f.gemeente && !f.eenheid && !f.basisteam;
  const edges = [
    r.van < months.from
      ? Prisma.sql`received_date BETWEEN ${r.van}::date AND ${dayAfter(months.from, -1)}::date`
      : null,
    months.toEnd < r.tot
      ? Prisma.sql`received_date BETWEEN ${dayAfter(months.toEnd, 1)}::date AND ${r.tot}::date`
      : null,
  ].filter((e): e is Prisma.Sql => e !== null);
  const monthly =
    t.alle && unfiltered
      ? Prisma.sql`SELECT ${cols} FROM ${Prisma.raw(t.alle)} WHERE received_date BETWEEN ${months.from}::date AND ${months.to}::date`
      : Prisma.sql`SELECT ${cols} FROM ${Prisma.raw(t.maand)} WHERE received_date BETWEEN ${months.from}::date AND ${months.to}::date AND ${dims(f)}`;
  if (!edges.length) return Prisma.sql`(${monthly}) src`;
  return Prisma.sql`(${monthly} UNION ALL SELECT ${cols} FROM ${Prisma.raw(t.dag)} WHERE (${Prisma.join(edges, ' OR ')}) AND ${dims(f)}) src`;
}

/** A bucket key for a day `d`, and the key of the bucket one year later (the trend partner). */
const BUCKET: Record<TStap, { key: string; nextYear: string }> = {
  dag: { key: `to_char(d, 'YYYY-MM-DD')`, nextYear: `to_char(d + interval '1 year', 'YYYY-MM-DD')` },
  week: {
    key: `to_char(d, 'IYYY-"W"IW')`,
    nextYear: `(extract(isoyear FROM d)::int + 1)::text || to_char(d, '-"W"IW')`,
  },
  maand: { key: `to_char(d, 'YYYY-MM')`, nextYear: `to_char(d + interval '1 year', 'YYYY-MM')` },
  jaar: { key: `to_char(d, 'YYYY')`, nextYear: `(extract(year FROM d)::int + 1)::text` },
};
const on = (expr: string, column: string) => Prisma.raw(expr.replace(/\bd\b/g, column));

async function series({
  db,
  filter,
}: TQueryContext): Promise<Pick<TStatsFigures, 'series' | 'totaal' | 'totaalVorigJaar'>> {
  const b = BUCKET[filter.stap];
  // Month rollups hold the first day of the month: right for month and year buckets only.
  const daily = filter.stap === 'dag' || filter.stap === 'week';
  const rows = await db.$queryRaw<{ k: string | null; aantal: number; vorig: number }[]>`
    WITH keys AS (
      SELECT DISTINCT ${on(b.key, 'g::date')} AS k FROM generate_series(${filter.van}::date, ${filter.tot}::date, interval '1 day') g
    ), cur AS (
      SELECT ${on(b.key, 'received_date')} AS k, sum(n)::int AS n FROM ${source('telling', filter, filter, daily)} GROUP BY 1
    ), prev AS (
      SELECT ${on(b.nextYear, 'received_date')} AS k, sum(n)::int AS n FROM ${source('telling', filter, previousYear(filter), daily)} GROUP BY 1
    )
    SELECT keys.k, coalesce(cur.n, 0) AS aantal, coalesce(prev.n, 0) AS vorig FROM keys LEFT JOIN cur USING (k) LEFT JOIN prev USING (k)
    UNION ALL
    SELECT NULL, (SELECT coalesce(sum(n), 0)::int FROM cur), (SELECT coalesce(sum(n), 0)::int FROM prev)
    ORDER BY 1 NULLS LAST`;
  const totals = rows.pop()!;
  return {
    series: rows.map((r) => ({ key: r.k!, aantal: r.aantal, lastYear: r.vorig })),
    totaal: totals.aantal,
    totaalVorigJaar: totals.vorig,
  };
}

const perEenheid = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<
    TStatsFigures['perEenheid']
  >`SELECT eenheid, basisteam, sum(n)::int AS aantal FROM ${source('telling', filter, filter)} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`;

const perGemeente = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<
    TStatsFigures['perGemeente']
  >`SELECT gemeente, sum(n)::int AS aantal FROM ${source('telling', filter, filter)} GROUP BY 1 ORDER BY 2 DESC, 1`;

const perPc4 = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<
    TStatsFigures['perPc4']
  >`SELECT pc4, sum(n)::int AS aantal FROM ${source('pc4', filter, filter)} GROUP BY 1 ORDER BY 2 DESC, 1`;

const perKanaal = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<
    TStatsFigures['perKanaal']
  >`SELECT kanaal, sum(n)::int AS aantal FROM ${source('telling', filter, filter)} GROUP BY 1 ORDER BY 2 DESC, 1`;

/** Per soort melding: a melding with several soorten counts under each (null: none chosen). */
const perSoort = ({ db, filter }: TQueryContext) =>
  db.$queryRaw<
    TStatsFigures['perSoort']
  >`SELECT soort, sum(n)::int AS aantal FROM ${source('soort', filter, filter)} GROUP BY 1 ORDER BY 2 DESC, 1`;

async function perStatusUitkomst({
  db,
  filter,
}: TQueryContext): Promise<Pick<TStatsFigures, 'perStatus' | 'perUitkomst' | 'perLoket'>> {
  const rows = await db.$queryRaw<
    {
      set: number;
      status: MeldingStatus | null;
      uitkomst: Uitkomst | null;
      loket: string | null;
      aantal: number;
    }[]
  >`
    SELECT GROUPING(status, uitkomst, loket_advies)::int AS set, status, uitkomst, loket_advies AS loket, sum(n)::int AS aantal
    FROM ${source('telling', filter, filter)}
    GROUP BY GROUPING SETS ((status), (uitkomst), (uitkomst, loket_advies))
    ORDER BY aantal DESC, 2, 3, 4`;
  // GROUPING bits (status, uitkomst, loket): 3 = by status, 5 = by uitkomst, 4 = by uitkomst and loket.
  return {
    perStatus: rows.filter((r) => r.set === 3).map((r) => ({ status: r.status!, aantal: r.aantal })),
    perUitkomst: rows.filter((r) => r.set === 5).map((r) => ({ uitkomst: r.uitkomst, aantal: r.aantal })),
    perLoket: rows
      .filter((r) => r.set === 4 && r.uitkomst === 'NIET_IN_BEHANDELING')
      .map((r) => ({ loket: r.loket, aantal: r.aantal })),
  };
}

/**
 * Seconds per counted step (as in the stats_doorloop_dag view): 0.1 minute, an hour, a day. The
 * percentile is the nearest rank over the steps: exactly the nearest-rank percentile of the raw
 * seconds, floored to its step.
 */
export const DOORLOOP_STAP = { signaal: 6, beoordeling: 3600, afgerond: 86400 } as const;
type TSoort = keyof typeof DOORLOOP_STAP;

function nearestRank(hist: { stap: number; n: number }[], total: number, p: number): number | null {
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const h of hist) if ((seen += h.n) >= rank) return h.stap;
  return null;
}

async function doorlooptijden({ db, filter }: TQueryContext): Promise<TStatsFigures['doorlooptijden']> {
  const rows = await db.$queryRaw<{ soort: TSoort; stap: number; n: number }[]>`
    SELECT soort, stap, sum(n)::int AS n FROM ${source('doorloop', filter, filter)} GROUP BY 1, 2 ORDER BY 1, 2`;
  const d = (soort: TSoort): TDoorlooptijd => {
    const hist = rows.filter((r) => r.soort === soort);
    const n = hist.reduce((sum, h) => sum + h.n, 0);
    const at = (p: number) => {
      const stap = nearestRank(hist, n, p);
      return stap === null ? null : stap * DOORLOOP_STAP[soort];
    };
    return { n, mediaan: at(0.5), p90: at(0.9) };
  };
  return { signaal: d('signaal'), beoordeling: d('beoordeling'), afgerond: d('afgerond') };
}

async function flags({ db, filter, werkdagenBeoordeling }: TQueryContext): Promise<TStatsFigures['flags']> {
  const [row] = await db.$queryRaw<TStatsFigures['flags'][]>`
    WITH w AS (
      SELECT coalesce(sum(n), 0)::int AS beoordeeld, coalesce(sum(n) FILTER (WHERE werkdagen <= ${werkdagenBeoordeling} OR binnen), 0)::int AS binnen
      FROM ${source('werkdagen', filter, filter)}
    )
    SELECT (SELECT beoordeeld FROM w) AS beoordeeld, (SELECT binnen FROM w) AS "binnenWerkdagen",
      coalesce(sum(telefonisch), 0)::int AS telefonisch,
      coalesce(sum(veilig_thuis), 0)::int AS "veiligThuis",
      coalesce(sum(hulpverlening), 0)::int AS hulpverlening,
      coalesce(sum(geinformeerd), 0)::int AS geinformeerd,
      coalesce(sum(aanvulling), 0)::int AS aanvulling,
      coalesce(sum(herhaling), 0)::int AS herhaling,
      coalesce(sum(gemeente_uit_plaats), 0)::int AS "gemeenteUitPlaats"
    FROM ${source('telling', filter, filter)}`;
  return row!;
}

async function foutmeldingen({ db, filter }: TQueryContext): Promise<number | null> {
  if (filter.gemeente || filter.eenheid || filter.basisteam) return null;
  const [row] = await db.$queryRaw<
    { n: number }[]
  >`SELECT coalesce(sum(aantal), 0)::int AS n FROM stats_foutmelding WHERE datum BETWEEN ${filter.van}::date AND ${filter.tot}::date`;
  return row!.n;
}

export const STATS_QUERIES = {
  series,
  perEenheid,
  perGemeente,
  perPc4,
  perKanaal,
  perSoort,
  perStatusUitkomst,
  doorlooptijden,
  flags,
  foutmeldingen,
};
