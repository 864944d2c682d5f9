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

/** `^ [glyph] <one of the phrases>` as a whole word, at the start of a line. */
export function atLineStart(...phrases: string[]): RegExp {
  return new RegExp(`^[ \\t]*(?:${GLYPH_SOURCE}[ \\t]*)?(?:${phrases.join('|')})(?![\\p{L}\\d])`, 'imu');
}
