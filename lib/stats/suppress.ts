/**
 * Small-cell suppression: a count of 1 to 4 is shown as "< 5", on the page and in the exports,
 * and so is nothing derived from it — a percentage with such a numerator or denominator, or a
 * median over fewer than five meldingen is shown as "x". Zero is shown: it identifies no one.
 *
 * Secondary suppression: in a breakdown that adds up to a total shown in the same view, one
 * "< 5" among exact figures is total minus the rest. So a breakdown never has exactly one hidden
 * cell: the smallest other non-zero cell is hidden too (as "x"). Periods are whole months
 * (period.ts), so two queries a day apart cannot single out one melding either.
 */
export const SMALL_COUNT = '< 5';
export const SUPPRESSED = 'x';

export type TCel = number | string | null;

const isSmallCount = (n: number) => n >= 1 && n <= 4;

export function aantal(n: number): TCel {
  return isSmallCount(n) ? SMALL_COUNT : n;
}

/** Percentage with one decimal; null (not applicable) when the denominator is 0. */
export function aandeel(teller: number, noemer: number): TCel {
  if (noemer === 0) return null;
  if (isSmallCount(teller) || isSmallCount(noemer)) return SUPPRESSED;
  return Math.round((teller / noemer) * 1000) / 10;
}

/** Change against last year in percent (one decimal); null when last year had none. */
export function verschil(nu: number, vorig: number): TCel {
  if (vorig === 0) return null;
  if (isSmallCount(nu) || isSmallCount(vorig)) return SUPPRESSED;
  return Math.round(((nu - vorig) / vorig) * 1000) / 10;
}

/** A figure computed over `n` meldingen (median, percentile): suppressed below five. */
export function over(n: number, waarde: number | null): TCel {
  if (n === 0 || waarde === null) return null;
  return isSmallCount(n) ? SUPPRESSED : waarde;
}

/**
 * Which cells of a breakdown (counts adding up to a total shown elsewhere) to hide: the small
 * ones, and when that is exactly one, also the smallest other non-zero one, so no hidden cell is
 * the total minus the rest.
 */
export function hiddenCells(counts: readonly number[]): boolean[] {
  const hidden = counts.map(isSmallCount);
  if (hidden.filter(Boolean).length !== 1) return hidden;
  let partner = -1;
  counts.forEach((n, i) => {
    if (!hidden[i] && n > 0 && (partner === -1 || n < counts[partner]!)) partner = i;
  });
  if (partner !== -1) hidden[partner] = true;
  return hidden;
}

/** A breakdown's counts as shown: "< 5" for small cells, "x" for the secondarily hidden ones. */
export function aantallenInVerdeling(counts: readonly number[]): TCel[] {
  const hidden = hiddenCells(counts);
  return counts.map((n, i) => (isSmallCount(n) ? SMALL_COUNT : hidden[i] ? SUPPRESSED : n));
}

/** The share of a cell, "x" when its count is hidden. */
export function aandeelInVerdeling(teller: number, noemer: number, hidden: boolean): TCel {
  return hidden && noemer > 0 ? SUPPRESSED : aandeel(teller, noemer);
}
