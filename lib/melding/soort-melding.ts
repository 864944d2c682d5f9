/**
 * "Soort melding": the problem categories staff choose at the beoordeling (several may apply),
 * counted in the statistics (the handreiking: "welke soorten meldingen worden gedaan", per wijk).
 * The beheerder keeps the list (setting `soortenMelding`); a melding stores the keys. An item taken
 * off the list stays in the setting as inactive: no longer offered, but its label still shows on
 * the meldingen that have it and in the statistics, which keep counting it.
 */
import { z } from 'zod';

export type TSoortMelding = { key: string; label: string; actief: boolean };

export const ZSoortMeldingKey = z.string().regex(/^[A-Z0-9_]{1,60}$/, 'ongeldige soort melding');

export const ZSoortenMelding = z
  .array(z.object({ key: ZSoortMeldingKey, label: z.string().trim().min(1).max(100), actief: z.boolean() }))
  .max(100)
  .refine((list) => new Set(list.map((s) => s.key)).size === list.length, 'een soort melding staat dubbel')
  .refine((list) => list.some((s) => s.actief), 'de lijst met soorten melding mag niet leeg zijn');

export const DEFAULT_SOORTEN_MELDING: TSoortMelding[] = [
  { key: 'VERWARD_GEDRAG', label: 'Verward gedrag', actief: true },
  { key: 'PSYCHISCHE_PROBLEMEN', label: 'Psychische problemen', actief: true },
  { key: 'VERSLAVING', label: 'Verslaving', actief: true },
  { key: 'VERVUILING', label: 'Vervuiling (woning of persoon)', actief: true },
  { key: 'FINANCIELE_PROBLEMEN', label: 'Financiële problemen', actief: true },
  { key: 'EENZAAMHEID', label: 'Eenzaamheid', actief: true },
  { key: 'OVERLAST', label: 'Overlast voor de omgeving', actief: true },
  { key: 'HUISELIJK_GEWELD', label: 'Huiselijk geweld of kindermishandeling', actief: true },
  { key: 'ANDERS', label: 'Anders', actief: true },
];

/** The chosen soorten as keys: none, one (a form sends a single checkbox as a string) or several; no repeats. */
export const ZSoorten = z
  .preprocess(
    (value) => (Array.isArray(value) ? value : [value]),
    z
      .array(ZSoortMeldingKey)
      .max(100)
      .transform((soorten) => [...new Set(soorten)]),
  )
  .default([]);

/** Which chosen keys may not be stored: neither an active soort nor one the melding already has. */
export const unknownSoorten = (opts: { chosen: string[]; list: TSoortMelding[]; kept: string[] }) =>
  opts.chosen.filter((k) => !opts.kept.includes(k) && !opts.list.some((s) => s.key === k && s.actief));

/** The chosen keys in the order of the list (as the form shows them); a key not on it last. */
export const inListOrder = (chosen: string[], list: TSoortMelding[]) => {
  const at = (k: string) => (list.findIndex((s) => s.key === k) + list.length + 1) % (list.length + 1);
  return [...chosen].sort((a, b) => at(a) - at(b));
};

/** A stored key as its label (also of an inactive soort); a key unknown to the list shows as itself. */
export const soortLabel = (soort: string, list: TSoortMelding[]) =>
  list.find((s) => s.key === soort)?.label ?? soort;

const keyFromLabel = (label: string) =>
  label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50) || 'SOORT';

/**
 * The list after the beheerder's edit (one label per line): a line whose label is already known
 * keeps that key (and becomes active again); a new label gets a new key; a soort whose line is gone
 * stays as inactive, so existing meldingen keep their soort and its label.
 */
export function soortenFromLines(opts: { text: string; current: TSoortMelding[] }): TSoortMelding[] {
  const labels = [...new Set(opts.text.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')))].filter(
    Boolean,
  );
  const same = (a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'accent' }) === 0;
  const result: TSoortMelding[] = [];
  for (const label of labels) {
    const known = opts.current.find((s) => same(s.label, label));
    if (known) {
      result.push({ key: known.key, label, actief: true });
      continue;
    }
    const base = keyFromLabel(label);
    let key = base;
    for (let n = 2; [...opts.current, ...result].some((s) => s.key === key); n++) key = `${base}_${n}`;
    result.push({ key, label, actief: true });
  }
  const gone = opts.current.filter((s) => !result.some((r) => r.key === s.key));
  return [...result, ...gone.map((s) => ({ ...s, actief: false }))];
}
