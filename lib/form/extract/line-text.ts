import type { TChar } from './pdf-chars';

/**
 * The text of one printed line from its characters: a space wherever the gap to the next glyph
 * is wider than a fifth of the font size. A word space is a quarter to a third of an em, a
 * kerning gap inside a word ("Achter naam", "Utr echt" to a naive reader) a tenth or less.
 * A soft hyphen prints only where it ends the line.
 */
const WORD_GAP = 0.2;
const SOFT_HYPHEN = '\u00ad';
const SPACE = 0x20;

export function lineText(chars: TChar[]): string {
  let text = '';
  let previous: TChar | undefined;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char.text === SOFT_HYPHEN && i < chars.length - 1) continue;
    if (previous && char.text !== ' ' && text.charCodeAt(text.length - 1) !== SPACE) {
      const gap = char.x - previous.right;
      // A jump back to the left is a new column in content order: a gap all the same.
      if (gap > WORD_GAP * Math.max(char.size, previous.size) || gap < -2 * char.size) text += ' ';
    }
    text += char.text;
    previous = char;
  }
  return text;
}
