import { GLYPH_SOURCE } from './glyphs';
import { atLineStart, searchFrom } from './pattern';

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

/**
 * Where label `i` is: its last occurrence before any later label occurs. A value on its own
 * line may start with the label's word (plaats "Land van Cuijk" above the "Land" label); the
 * real label is then the later occurrence.
 */
function locate<K extends string>(
  body: string,
  labels: TLabel<K>[],
  i: number,
  cursor: number,
): RegExpExecArray | null {
  let match = searchFrom(labels[i]!.pattern, body, cursor);
  if (!match) return null;
  const after = match.index + match[0].length;
  const bound = Math.min(
    ...labels.slice(i + 1).map(({ pattern }) => searchFrom(pattern, body, after)?.index ?? body.length),
  );
  for (
    let next = searchFrom(labels[i]!.pattern, body, after);
    next && next.index < bound;
    next = searchFrom(labels[i]!.pattern, body, next.index + next[0].length)
  ) {
    match = next;
  }
  return match;
}

/** Every label found, in order, with where its value starts. */
export function findLabels<K extends string>(body: string, labels: TLabel<K>[]): Map<K, TLabelMatch> {
  const found = new Map<K, TLabelMatch>();
  let cursor = 0;
  labels.forEach(({ key }, i) => {
    const match = locate(body, labels, i, cursor);
    if (!match) return;
    const start = match.index;
    const afterLabel = start + match[0].length;
    // A tick box may sit between the label and its colon ("Naam Huisarts ☒ : Dr. Jansen").
    const colon = COLON.exec(body.slice(afterLabel));
    const valueStart = afterLabel + (colon ? colon[0].length : 0);
    found.set(key, { start, valueStart });
    cursor = valueStart;
  });
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
