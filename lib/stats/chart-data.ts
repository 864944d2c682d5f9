/**
 * Chart points from the (already suppressed) tables, so a chart never shows more than its table:
 * a suppressed bar has value 0 (drawn as a 2 px stub, so its "< 5" label shows); a suppressed trend point is a gap.
 */
import type { TTabel } from './tables';
import { celTekst } from './tables';

export type TBarPunt = { label: string; value: number; text: string };
export type TTrendPunt = { label: string; nu: number | null; vorig: number | null };

/** Bars labelled by the given columns (joined), valued by `valueCol`. */
export function barPunten(t: TTabel, labelCols: number[], valueCol: number): TBarPunt[] {
  return t.rijen.map((r) => ({
    label: labelCols.map((c) => celTekst(r[c] ?? null)).join(' – '),
    value: typeof r[valueCol] === 'number' ? r[valueCol] : 0,
    text:
      celTekst(r[valueCol] ?? null) +
      (t.kolommen[valueCol]?.includes('%') && typeof r[valueCol] === 'number' ? '%' : ''),
  }));
}

/** The time series without its total row. */
export function trendPunten(t: TTabel): TTrendPunt[] {
  const num = (c: unknown) => (typeof c === 'number' ? c : null);
  return t.rijen.slice(0, -1).map((r) => ({ label: String(r[0]), nu: num(r[1]), vorig: num(r[2]) }));
}
