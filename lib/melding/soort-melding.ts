/**
 * "Soort melding": the problem categories staff choose at the beoordeling (several may apply),
 * counted in the statistics (the handreiking: "welke soorten meldingen worden gedaan", per wijk).
 * A fixed list, so figures stay comparable between periods and meldpunten.
 */
import { z } from 'zod';

export const SOORT_MELDING_LABELS = {
  VERWARD_GEDRAG: 'Verward gedrag',
  PSYCHISCHE_PROBLEMEN: 'Psychische problemen',
  VERSLAVING: 'Verslaving',
  VERVUILING: 'Vervuiling (woning of persoon)',
  FINANCIELE_PROBLEMEN: 'Financiële problemen',
  EENZAAMHEID: 'Eenzaamheid',
  OVERLAST: 'Overlast voor de omgeving',
  HUISELIJK_GEWELD: 'Huiselijk geweld of kindermishandeling',
  ANDERS: 'Anders',
} as const;

export type TSoortMelding = keyof typeof SOORT_MELDING_LABELS;

const KEYS = Object.keys(SOORT_MELDING_LABELS) as [TSoortMelding, ...TSoortMelding[]];

/** The chosen soorten: none, one (a form sends a single checkbox as a string) or several; no repeats. */
export const ZSoorten = z
  .preprocess(
    (value) => (Array.isArray(value) ? value : [value]),
    z
      .array(z.enum(KEYS, { message: 'kies een soort melding uit de lijst' }))
      .max(KEYS.length)
      .transform((soorten) => KEYS.filter((k) => soorten.includes(k))),
  )
  .default([]);

/** A stored key as its label; a key no longer in the list shows as itself. */
export const soortLabel = (soort: string) => SOORT_MELDING_LABELS[soort as TSoortMelding] ?? soort;
