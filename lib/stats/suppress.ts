/**
 * Small-cell suppression: a count of 1 to 4 is shown as "< 5", on the page and in the exports,
 * and so is nothing derived from it — a percentage with such a numerator or denominator, or a
 * median over fewer than five meldingen is shown as "x". Zero is shown: it identifies no one.
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
