import type { ReactNode } from 'react';
import { SMALL_COUNT, SUPPRESSED, type TCel } from '@/lib/stats/suppress';
import { celTekst, type TTabel } from '@/lib/stats/tables';

/** Figures (and their stand-ins: "< 5", "x", "–") right-aligned, labels left. */
const isFigure = (c: TCel) => typeof c === 'number' || c === null || c === SMALL_COUNT || c === SUPPRESSED;

/**
 * One figure of the statistics page: title, the period and filter it covers, its export links,
 * the table and (beside it) the chart. Aggregates only — nothing links to a melding.
 */
export function StatsSection({
  tabel,
  exportQuery,
  children,
}: {
  tabel: TTabel;
  exportQuery: string;
  children?: ReactNode;
}) {
  const link = (formaat: 'csv' | 'xlsx') =>
    `/statistieken/export?${exportQuery}&tabel=${tabel.key}&formaat=${formaat}`;
  return (
    <section aria-labelledby={`stat-${tabel.key}`} className="mt-10 break-inside-avoid">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`stat-${tabel.key}`} className="text-lg font-semibold">
          {tabel.titel}
        </h2>
        <p className="text-sm print:hidden">
          Exporteren:{' '}
          <a className="text-brand-700 underline" href={link('csv')}>
            CSV
          </a>{' '}
          ·{' '}
          <a className="text-brand-700 underline" href={link('xlsx')}>
            XLSX
          </a>
        </p>
      </div>
      <p className="text-sm text-slate-600" data-periode>
        Periode: {tabel.periode} · {tabel.filter}
      </p>
      {tabel.toelichting ? <p className="text-sm text-slate-600">{tabel.toelichting}</p> : null}
      <div className="mt-3 flex flex-wrap items-start gap-6">
        <table className="min-w-80 border-collapse text-sm" data-tabel={tabel.key}>
          <thead>
            <tr>
              {tabel.kolommen.map((k) => (
                <th key={k} scope="col" className="border-b-2 border-slate-400 px-2 py-1 text-left">
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tabel.rijen.length === 0 ? (
              <tr>
                <td colSpan={tabel.kolommen.length} className="px-2 py-1 text-slate-600">
                  Geen meldingen in deze periode.
                </td>
              </tr>
            ) : (
              tabel.rijen.map((r, i) => (
                <tr key={i} className="border-b border-slate-200">
                  {r.map((c, j) => (
                    <td key={j} className={`px-2 py-1 ${isFigure(c) ? 'text-right tabular-nums' : ''}`}>
                      {celTekst(c)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
        {children}
      </div>
    </section>
  );
}
