/**
 * Approximate printed width of a text, in thousandths of the font size, from Helvetica's
 * metrics (Arial's are the same). The police form is set in a sans-serif; absolute accuracy is
 * not needed, only that a wide word counts as wide and an "i" as narrow.
 */
const ASCII_WIDTHS = [
  278,
  278,
  355,
  556,
  556,
  889,
  667,
  191,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278, // space … /
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  584,
  584,
  584,
  556, // 0 … ?
  1015,
  667,
  667,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  500,
  667,
  556,
  833,
  722,
  778, // @ … O
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  278,
  278,
  278,
  469,
  556, // P … _
  333,
  556,
  556,
  500,
  556,
  556,
  278,
  556,
  556,
  222,
  222,
  500,
  222,
  833,
  556,
  556, // ` … o
  556,
  556,
  333,
  500,
  278,
  556,
  500,
  722,
  500,
  500,
  500,
  334,
  260,
  334,
  584, // p … ~
];
const DEFAULT_WIDTH = 556;

export function textWidth(text: string): number {
  let width = 0;
  // Decomposing is only needed for accented letters; most text is plain ASCII.
  for (const char of /[^\x20-\x7e]/.test(text) ? text.normalize('NFD') : text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue; // combining accent: no width of its own
    width += code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32]! : DEFAULT_WIDTH;
  }
  return width;
}
