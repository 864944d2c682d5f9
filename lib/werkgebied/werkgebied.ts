/**
 * The werkgebied: the gemeenten and PC4 ranges the meldpunt serves. Pure, so ingestion, the
 * beheer page and tests share one rule.
 */
import { z } from 'zod';

export type TPostcodeRange = { van: number; tot: number };
export type TWerkgebied = { gemeenten: string[]; postcodes: TPostcodeRange[] };

const ZPc4 = z.coerce.number().int().min(1000).max(9999);
export const ZPostcodeRange = z
  .object({ van: ZPc4, tot: ZPc4 })
  .refine((r) => r.van <= r.tot, { message: 'de eerste postcode mag niet na de laatste liggen' });
export const ZGemeenteNaam = z.string().trim().min(1).max(100);

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
