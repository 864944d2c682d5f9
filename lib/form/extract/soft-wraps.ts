import { textWidth } from './text-width';
import type { TPdfLine } from './pdf-lines';

/** Joins a soft-wrapped line to the next; `foldSpaces` turns it into a space, `^` still matches after it. */
export const SOFT_WRAP = '\u2028';

/**
 * Which line ends in a PDF are soft wraps. Word processors wrap greedily: a line ends before the
 * right margin only when the next word does not fit. So a line end is a soft wrap when the next
 * line's first word, after a space, would have run past the right margin: the rightmost line
 * end in the whole document (headings, notes and values all wrap at the same margin), or the
 * mirrored left margin when no line reaches that far.
 *
 * When a paragraph's last line is full, the next paragraph's first word would not have fitted
 * either, and geometry cannot tell. Paragraph spacing settles it where the producer leaves it
 * (Word's default style does). Without it, one textual sign is used: officers write along the
 * 7 W's, each paragraph led in by "Wat:", "Op welke wijze:", "Tijdlijn:" — a line that ends a
 * sentence followed by a line that starts with such a lead-in is a paragraph break.
 * Returns, per line, whether the break after it is soft.
 */
const SPACE = textWidth(' ');
/** Points of slack for rounding in the producer's and our own width arithmetic. */
const SLACK = 1;
const SENTENCE_END = /[.!?:;"”’)]$/u;
/** A capitalised lead-in of at most four words and a colon: "Wanneer:", "Met welk gevolg:". */
const LEAD_IN = /^\p{Lu}[\p{L}’'-]*(?:\s+[\p{L}’'-]+){0,3}:(?:\s|$)/u;

/**
 * How far short of its printed end a line may be measured. PDFium reads a font's width table in
 * whole thousandths of an em, dropping fractions (pdf-lib writes them; Word and LibreOffice write
 * whole numbers), so each glyph may come out up to 1/1000 em narrow. `scale` is points per
 * thousandth of an em, so that is at most one `scale` per character.
 */
const rounding = (line: TPdfLine) => line.text.length * line.scale;

/**
 * The right margin: where justified text ends, when at least three lines end at the same point
 * near the rightmost line end (one overlong line must not move the margin); else the rightmost
 * line end.
 */
export function rightMargin(lines: TPdfLine[]): { margin: number; justified: boolean } {
  const rightmost = Math.max(...lines.map((line) => line.right));
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.right), (counts.get(Math.round(line.right)) ?? 0) + 1);
  const [edge, count] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);
  if (count >= 3 && edge > rightmost - 60) return { margin: edge + 0.5, justified: true };
  return { margin: rightmost, justified: false };
}

export function softWrapsAfter(lines: TPdfLine[]): boolean[] {
  const rightmost = rightMargin(lines).margin;
  return lines.map((line, i) => {
    const margin = Math.max(rightmost, line.mirroredMargin);
    const next = lines[i + 1];
    if (!next || line.gapBelow) return false;
    const firstWord = next.text.trim().split(/\s+/)[0]!;
    const nextWordFitted =
      line.right + rounding(line) + (SPACE + textWidth(firstWord)) * (next.scale || line.scale) <=
      margin - SLACK;
    if (nextWordFitted) return false;
    return !(SENTENCE_END.test(line.text.trimEnd()) && LEAD_IN.test(next.text.trim()));
  });
}

/** A word hyphenated at a soft wrap: a letter, a hyphen (or soft hyphen) at the end of the line. */
const HYPHENATED = /\p{L}[-\u00ad\u2010]$/u;
const CONTINUES = /^\s*\p{Ll}/u;

/**
 * The document's text: hard line ends as \n, soft wraps as SOFT_WRAP. A word a typesetter
 * hyphenated over a soft wrap is joined again ("vei-" / "ligheid" → "veiligheid"); a soft hyphen
 * is never kept, whatever follows it.
 */
export function joinLines(lines: TPdfLine[]): string {
  const soft = softWrapsAfter(lines);
  const { margin, justified } = rightMargin(lines);
  // PDFium leaves a soft hyphen out of its text; in justified text its room at the margin shows it.
  const hyphenRoom = (line: TPdfLine) => {
    const short = margin - 0.5 - line.right;
    const em = line.scale * 1000;
    return justified && short > 0.15 * em && short < 0.7 * em && /\p{L}$/u.test(line.text);
  };
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      if (!next) return line.text.replace(/\u00ad$/, '');
      const text = line.text.trimEnd();
      if ((soft[i] || text.endsWith('\u00ad')) && HYPHENATED.test(text) && CONTINUES.test(next.text))
        return text.slice(0, -1);
      if (soft[i] && hyphenRoom(line) && CONTINUES.test(next.text)) return text;
      return line.text.replace(/\u00ad$/, '') + (soft[i] ? SOFT_WRAP : '\n');
    })
    .join('');
}
