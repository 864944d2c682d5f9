/**
 * Checkbox glyphs as they come out of the text layer: Unicode ballot boxes (☒/☐), filled and
 * empty squares (■/□), typed [X]/[ ], and the Wingdings private-use code points that Word's
 * checkbox content controls leave behind in .docx text.
 */
const TICKED = String.raw`☒|☑|✓|✔|✗|✘|■|⊠|\[[xX✓✔]\]|\uF0FE|\uF0FD|\uF078`;
const UNTICKED = String.raw`☐|□|❑|❏|\[ ?\]|\uF0A8|\uF06F`;

/** A glyph, capturing group 1 when ticked and group 2 when not. */
export const GLYPH_SOURCE = `(?:(${TICKED})|(${UNTICKED}))`;
const GLYPH_ANYWHERE = new RegExp(GLYPH_SOURCE, 'gu');

export function hasTickedGlyph(text: string): boolean {
  return [...text.matchAll(GLYPH_ANYWHERE)].some((m) => m[1] !== undefined);
}

export function hasGlyph(text: string): boolean {
  GLYPH_ANYWHERE.lastIndex = 0;
  return GLYPH_ANYWHERE.test(text);
}

export function stripGlyphs(text: string): string {
  return text.replace(GLYPH_ANYWHERE, ' ');
}

export type TToken = { kind: 'glyph'; ticked: boolean } | { kind: 'text'; text: string };

/** One line as alternating glyph and text tokens (text trimmed, empty text dropped). */
export function tokenizeLine(line: string): TToken[] {
  const tokens: TToken[] = [];
  let last = 0;
  const pushText = (text: string) => {
    const trimmed = text.trim();
    if (trimmed !== '') tokens.push({ kind: 'text', text: trimmed });
  };
  for (const match of line.matchAll(GLYPH_ANYWHERE)) {
    pushText(line.slice(last, match.index));
    tokens.push({ kind: 'glyph', ticked: match[1] !== undefined });
    last = match.index + match[0].length;
  }
  pushText(line.slice(last));
  return tokens;
}
