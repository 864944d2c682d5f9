import { tokenizeLine, type TToken } from './glyphs';

/**
 * Reads a group of tick boxes ("☐ Niet bekend / ☐ Nee / ☒ Ja"). Each glyph is paired with the
 * option text beside it. Normally the glyph comes first; a glyph set in a fallback font can come
 * out *after* its text, so a line that starts with text pairs its glyphs with the text before
 * them. A glyph alone on a line belongs to the option on the next (else the previous) line.
 */
export type TOption<T extends string> = { value: T; label: RegExp };

type TPlaced = TToken & { line: number };

function partnerOf(
  tokens: TPlaced[],
  k: number,
  lineStartsWithGlyph: (line: number) => boolean,
): TPlaced | undefined {
  const glyph = tokens[k]!;
  const sameLine = (t: TPlaced | undefined) =>
    t && t.kind === 'text' && t.line === glyph.line ? t : undefined;
  const prev = sameLine(tokens[k - 1]);
  const next = sameLine(tokens[k + 1]);
  if (prev && next) return lineStartsWithGlyph(glyph.line) ? next : prev;
  if (prev || next) return next ?? prev;
  const following = tokens[k + 1];
  if (following?.kind === 'text') return following;
  const preceding = tokens[k - 1];
  return preceding?.kind === 'text' ? preceding : undefined;
}

/** The single ticked option, or null when none or more than one is ticked. */
export function readChoice<T extends string>(body: string, options: TOption<T>[]): T | null {
  const tokens: TPlaced[] = body
    .split('\n')
    .flatMap((line, index) => tokenizeLine(line).map((token) => ({ ...token, line: index })));
  const firstOnLine = new Map<number, TPlaced>();
  for (const token of tokens) if (!firstOnLine.has(token.line)) firstOnLine.set(token.line, token);
  const lineStartsWithGlyph = (line: number) => firstOnLine.get(line)?.kind === 'glyph';

  const ticked = new Set<T>();
  tokens.forEach((token, k) => {
    if (token.kind !== 'glyph' || !token.ticked) return;
    const partner = partnerOf(tokens, k, lineStartsWithGlyph);
    if (partner?.kind !== 'text') return;
    const option = options.find((o) => o.label.test(partner.text));
    if (option) ticked.add(option.value);
  });
  return ticked.size === 1 ? [...ticked][0]! : null;
}

/** An option label: the words at the start of the text, as a whole word. */
export function optionLabel(words: string): RegExp {
  return new RegExp(`^${words.replace(/ /g, '\\s+')}(?![\\p{L}\\d])`, 'iu');
}
