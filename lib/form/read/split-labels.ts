import { GLYPH_SOURCE } from './glyphs';
import { phrase } from './pattern';

/**
 * LibreOffice prints a table row line by line across its cells, so a label cell that wraps
 * ("Adres" / "Huisarts") comes out around the value: "Adres [adres van huisarts]" then
 * "Huisarts" on the next line. This puts such a tail back after its head, so the label reads
 * whole again: "Adres Huisarts [adres van huisarts]".
 */
const TWO_PART_LABELS: [string, string][] = [
  ['Behandeld', 'door'],
  ['Ons', 'kenmerk'],
  ['Datum/tijd', 'voorval'],
  ['Datum/tijd', 'melding'],
  ['Plaats', 'voorval'],
  ['Naam', 'Huisarts'],
  ['Adres', 'Huisarts'],
];

const REPAIRS = TWO_PART_LABELS.map(
  ([head, tail]) =>
    new RegExp(
      `^([ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?)(${phrase(head)})([ \\t]+[^\\n\\u2028]*)[\\n\\u2028][ \\t]*(${phrase(tail)})(?:[ \\t]+([^\\n\\u2028]*))?[ \\t]*(?=[\\n\\u2028]|$)`,
      'gimu',
    ),
);

/**
 * Read by position (OCR, a flattened form), the tail shares its line with the value's next line
 * ("Datum/tijd ☐ Op …" / "voorval ☒ Tussen …"): that rest stays a line of its own after the label.
 */
export function joinSplitLabels(text: string): string {
  // Groups: 1 indent, 2 and 3 a glyph (ticked/unticked, inside 1), 4 head, 5 value, 6 tail, 7 rest.
  return REPAIRS.reduce(
    (repaired, pattern) =>
      repaired.replace(
        pattern,
        (_all, indent: string, _t, _u, head: string, value: string, tail: string, rest: string | undefined) =>
          `${indent}${head} ${tail}${value}${rest ? `\n${rest}` : ''}`,
      ),
    text,
  );
}
