import { GLYPH_SOURCE } from './glyphs';
import { atLineStart } from './pattern';

/**
 * Reads "label → value" pairs from one section. Labels are searched in form order, each after
 * the previous one found, so a value that happens to start with a later label's word (a
 * geboorteplaats "Land van Cuijk") is not taken for that label. A value runs from its label to
 * the next label found, whatever the layout put between: " : ", one space (a table's column
 * gap), or a line break (value on the next line).
 */
export type TLabel<K extends string> = { key: K; pattern: RegExp };

export function label<K extends string>(key: K, ...phrases: string[]): TLabel<K> {
  return { key, pattern: atLineStart(...phrases) };
}

const COLON = new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?:`, 'u');

export type TLabelMatch = { start: number; valueStart: number };

/** Every label found, in order, with where its value starts. */
export function findLabels<K extends string>(body: string, labels: TLabel<K>[]): Map<K, TLabelMatch> {
  const found = new Map<K, TLabelMatch>();
  let cursor = 0;
  for (const { key, pattern } of labels) {
    const match = pattern.exec(body.slice(cursor));
    if (!match) continue;
    const start = cursor + match.index;
    const afterLabel = start + match[0].length;
    // A tick box may sit between the label and its colon ("Naam Huisarts ☒ : Dr. Jansen").
    const colon = COLON.exec(body.slice(afterLabel));
    const valueStart = afterLabel + (colon ? colon[0].length : 0);
    found.set(key, { start, valueStart });
    cursor = valueStart;
  }
  return found;
}

/** Label key → the raw text of its value (line breaks kept), for every label found. */
export function readLabels<K extends string>(body: string, labels: TLabel<K>[]): Map<K, string> {
  const found = [...findLabels(body, labels)];
  const values = new Map<K, string>();
  found.forEach(([key, match], i) => {
    const end = found[i + 1]?.[1].start ?? body.length;
    values.set(key, body.slice(match.valueStart, end));
  });
  return values;
}
