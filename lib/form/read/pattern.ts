import { GLYPH_SOURCE } from './glyphs';

/**
 * Builds the regex source for a label or a question of the form: words may be separated by any
 * whitespace, including a line break (label cells wrap in table layouts), apostrophes and
 * diacritics may vary, and a checkbox glyph may precede it (the v1.3 huisarts rows).
 */
export function phrase(words: string): string {
  return words
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
        .replace(/['’]/g, "['’]")
        .replace(/[iï]/g, '[iï]'),
    )
    .join('\\s+');
}

/**
 * `^ [glyph] <one of the phrases>`, at the start of a line, not followed by a letter ("Telefoon"
 * is not "Telefoonnummer"). A digit may follow: a label too wide for its table cell runs into
 * the value ("Telefoonnummer0546-000000").
 */
export function atLineStart(...phrases: string[]): RegExp {
  return new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?(?:${phrases.join('|')})(?!\\p{L})`, 'gimu');
}

/**
 * The first match at or after `from` in the whole text. (Searching a slice instead would make
 * the slice's first character a line start for `^`, so "Plaats Land van Cuijk" would offer a
 * "Land" label.) The pattern must have the g flag.
 */
export function searchFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}
