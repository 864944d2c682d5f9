/**
 * Free-text normalisation shared by every field: the schema wants text trimmed, runs of spaces
 * and tabs folded to one, and anything the officer left as the template's own wording → null.
 */

/**
 * Characters that stand for "a space": NBSP, thin space, tab, ..., and U+2028, which the PDF
 * extractor puts where a line was soft-wrapped (see extract/soft-wraps.ts).
 */
const SPACE_RUN = /[ \t\u00a0\u2000-\u200b\u2028\u202f\u205f\u3000]+/g;

export function foldSpaces(value: string): string {
  return value.replace(SPACE_RUN, ' ').trim();
}

/**
 * A template placeholder: the whole value is one or more `[...]` groups (`[BSN]`,
 * `[Postcode] [Plaats]`), or an unselected Word drop-down (`-Kies een eenheid-`, `Kies een
 * item.`). The officer never types square brackets around real data, so any fully bracketed
 * value is the template's.
 */
const PLACEHOLDER = /^(?:\[[^\]]*\]\s*)+$|^-\s*kies een eenheid\s*-|^kies een item\.?$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** The template prints "optioneel" after some fields; it stays behind when the field is filled. */
const OPTIONAL_HINT = /\s*\boptioneel\s*$/i;

/** Trimmed, folded single-line text, or null when empty or still the template's placeholder. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const folded = foldSpaces(value.replace(/\s*\n\s*/g, ' ')).replace(OPTIONAL_HINT, '');
  if (folded === '' || isPlaceholder(folded)) return null;
  return folded;
}
