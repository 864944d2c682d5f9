import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ZodError } from 'zod';
import { requireUser } from '@/lib/web/require-user';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getStatistieken } from '@/lib/stats/get-statistieken';
import { listStatsKeuzes } from '@/lib/stats/list-stats-keuzes';
import { barPunten, trendPunten } from '@/lib/stats/chart-data';
import { bucketLabel } from '@/lib/stats/bucket-label';
import { filterParams, parseStatsFilter, type TStatsFilter } from '@/lib/stats/period';
import { SMALL_COUNT, SUPPRESSED } from '@/lib/stats/suppress';
import { buildTables, type TTabel, type TTableKey } from '@/lib/stats/tables';
import { dutchDate } from '@/lib/werkdagen';
import { BarFigure, TrendFigure } from './charts';
import { FilterForm } from './filter-form';
import { StatsSection } from './stats-section';

export const metadata: Metadata = { title: 'Statistieken' };

/** Which columns label a table's bars and which holds the bar's value (null: no chart). */
const BARS: Partial<Record<TTableKey, { label: number[]; value: number }>> = {
  eenheid: { label: [0, 1], value: 2 },
  gemeente: { label: [0], value: 1 },
  pc4: { label: [0], value: 1 },
  kanaal: { label: [0], value: 1 },
  soort: { label: [0], value: 1 },
  status: { label: [0], value: 1 },
  uitkomst: { label: [0], value: 1 },
  loket: { label: [0], value: 1 },
  kenmerken: { label: [0], value: 2 },
};
const PC4_IN_CHART = 15;

/** The time series' first column in words ("december 2026"); the exports keep the sortable keys. */
const withReadablePeriods = (t: TTabel): TTabel =>
  t.key === 'aantallen'
    ? {
        ...t,
        rijen: t.rijen.map((r) => r.map((c, i) => (i === 0 && typeof c === 'string' ? bucketLabel(c) : c))),
      }
    : t;

function chart(t: TTabel) {
  if (t.key === 'aantallen') return <TrendFigure titel={t.titel} data={trendPunten(t)} />;
  const bars = BARS[t.key];
  if (!bars) return null;
  const shown = t.key === 'pc4' ? { ...t, rijen: t.rijen.slice(0, PC4_IN_CHART) } : t;
  return <BarFigure titel={t.titel} data={barPunten(shown, bars.label, bars.value)} />;
}

export default async function StatistiekenPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const db = getDb();
  const vandaag = dutchDate(new Date());
  let filter: TStatsFilter;
  let fout: string | null = null;
  try {
    filter = parseStatsFilter(await searchParams, vandaag);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    fout = `Ongeldig filter (${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}); de standaardperiode wordt getoond.`;
    filter = parseStatsFilter({}, vandaag);
  }
  let figuren, keuzes;
  try {
    figuren = await getStatistieken({ db, role: user.role, filter });
    keuzes = await listStatsKeuzes({ db, role: user.role });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  }
  const tables = buildTables(figuren);
  const exportQuery = filterParams(filter).toString();
  return (
    <article className="print:text-black">
      <h1 className="text-2xl font-semibold">Statistieken</h1>
      <p className="mt-1 text-sm text-slate-600">
        Regionale cijfers over de meldingen niet-acute zorg, alleen als totalen. Ook meldingen waarvan de
        persoonsgegevens na de bewaartermijn zijn verwijderd tellen mee.
      </p>
      {fout ? (
        <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {fout}
        </p>
      ) : null}
      <FilterForm filter={filter} keuzes={keuzes} vandaag={vandaag} />
      <p className="mt-3 text-sm">
        <strong>{SMALL_COUNT}</strong> = 1 tot 4 meldingen; <strong>{SUPPRESSED}</strong> = niet getoond, want
        afgeleid van minder dan 5 meldingen, of verborgen omdat anders een &lsquo;{SMALL_COUNT}&rsquo; uit het
        totaal min de andere cellen te berekenen is; <strong>–</strong> = niet van toepassing. De periode
        loopt altijd over hele kalendermaanden en eindigt met de laatste maand die voorbij is (de lopende
        maand groeit elke dag en telt daarom nog niet mee), zodat twee periodes die een dag verschillen
        niemand aanwijzen.{' '}
        {figuren.bijgewerkt
          ? `Cijfers bijgewerkt op ${figuren.bijgewerkt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' })}.`
          : 'De cijfers zijn nog niet berekend.'}{' '}
        <a
          className="text-brand-700 underline print:hidden"
          href={`/statistieken/export?${exportQuery}&tabel=alle&formaat=xlsx`}
        >
          Alle tabellen als XLSX
        </a>
      </p>
      {tables.map(withReadablePeriods).map((t) => (
        <StatsSection key={t.key} tabel={t} exportQuery={exportQuery}>
          {chart(t)}
        </StatsSection>
      ))}
    </article>
  );
}
