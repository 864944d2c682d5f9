/**
 * The werkgebied: the gemeenten and PC4 ranges the meldpunt serves. Pure, so ingestion, the
 * beheer page and tests share one rule.
 */
import { z } from 'zod';

/** A PC4 range and, when the beheerder named it, the gemeente it lies in. */
export type TPostcodeRange = { van: number; tot: number; gemeente?: string | null };
export type TWerkgebied = { gemeenten: string[]; postcodes: TPostcodeRange[] };

const ZPc4 = z.coerce.number().int().min(1000).max(9999);
export const ZGemeenteNaam = z.string().trim().min(1).max(100);
export const ZPostcodeRange = z
  .object({ van: ZPc4, tot: ZPc4, gemeente: ZGemeenteNaam.nullable().default(null) })
  .refine((r) => r.van <= r.tot, { message: 'de eerste postcode mag niet na de laatste liggen' });

/** Names compare without case, accents or surrounding/double spaces ("'s-Gravenhage" = "'S-GRAVENHAGE"). */
export function normaliseGemeente(naam: string): string {
  return naam.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * True only when a werkgebied is configured, the melding's place is known, and neither its
 * gemeente/plaats nor its PC4 lies inside. An unknown place is never called "outside": staff
 * see the missing address anyway, and a wrong mark would send a melding away.
 */
export function isOutsideWerkgebied(
  w: TWerkgebied,
  place: { gemeente: string | null; pc4: number | null },
): boolean {
  if (!w.gemeenten.length && !w.postcodes.length) return false;
  if (!place.gemeente && place.pc4 === null) return false;
  const gemeente = place.gemeente ? normaliseGemeente(place.gemeente) : null;
  const inGemeente = gemeente !== null && w.gemeenten.some((g) => normaliseGemeente(g) === gemeente);
  const inPostcode =
    place.pc4 !== null && w.postcodes.some((r) => place.pc4! >= r.van && place.pc4! <= r.tot);
  return !inGemeente && !inPostcode;
}

/**
 * A melding's gemeente: the gemeente of the werkgebied's PC4 range its postcode lies in (the first
 * range that names one), else — visibly marked — the plaats written in the form.
 */
export function deriveGemeente(
  w: TWerkgebied,
  place: { gemeente: string | null; pc4: number | null },
): { gemeente: string | null; gemeenteBron: 'POSTCODE' | 'PLAATS' } {
  const range =
    place.pc4 === null
      ? undefined
      : w.postcodes.find((r) => r.gemeente && place.pc4! >= r.van && place.pc4! <= r.tot);
  return range
    ? { gemeente: range.gemeente!, gemeenteBron: 'POSTCODE' }
    : { gemeente: place.gemeente, gemeenteBron: 'PLAATS' };
}
