import type { TEngine } from './pdfium';

/**
 * A page's printed characters in content order, each with where it sits: its origin (x and the
 * baseline y, in points, y up), where its advance ends, and its font size. Ligature glyphs come
 * out as the letters they join ("ﬁ" → "fi"), so a label set by a typesetter reads as typed.
 */
export type TChar = { text: string; x: number; y: number; right: number; size: number };

const CR = 0x0d;
const LF = 0x0a;
/** PDFium's code for a hyphen that ends a line (it may be a hyphenation); printed, it is a hyphen. */
const LINE_END_HYPHEN = 0x02;

const LIGATURES: Record<number, string> = {
  0xfb00: 'ff',
  0xfb01: 'fi',
  0xfb02: 'fl',
  0xfb03: 'ffi',
  0xfb04: 'ffl',
  0xfb05: 'st',
  0xfb06: 'st',
};

/**
 * What Wingdings draws at the codes Word's check boxes use: ¨ and o an empty box, x and ý a box
 * with a cross, þ a box with a check, n a filled square. Such a font has no Unicode map, so its
 * codes come out as Latin letters (or, from some producers, in the private-use range F0xx).
 */
const WINGDINGS: Record<number, string> = {
  0x6f: '☐',
  0x71: '❑',
  0xa8: '☐',
  0x6e: '■',
  0x78: '☒',
  0xfd: '☒',
  0xfe: '☑',
  0xfb: '✗',
  0xfc: '✓',
};
const SYMBOL_FONT = /wingding|dingbat|symbol/i;
const NAME_BYTES = 64;

/** Whether the font a character is set in is a symbol font (the engine writes its name into `buffer`). */
function inSymbolFont(raw: TEngine['raw'], textPage: number, index: number, buffer: number): boolean {
  const length = raw.FPDFText_GetFontInfo(textPage, index, buffer, NAME_BYTES, 0);
  const bytes = new Uint8Array(raw.memory.buffer, buffer, Math.min(length, NAME_BYTES));
  return SYMBOL_FONT.test(String.fromCharCode(...bytes.subarray(0, Math.max(0, bytes.indexOf(0)))));
}

export function charText(code: number): string {
  if (code === LINE_END_HYPHEN) return '-';
  return LIGATURES[code] ?? String.fromCharCode(code);
}

/** Characters of a loaded text page; `scratch` is 32 bytes of the engine's memory. */
export function readChars(raw: TEngine['raw'], textPage: number, scratch: number): TChar[] {
  const chars: TChar[] = [];
  const count = raw.FPDFText_CountChars(textPage);
  let nameBuffer = 0;
  // By font (its handle, one per font of the document): 'o', 'n' and 'x' are common letters.
  const symbolFonts = new Map<number, boolean>();
  let doubles = new Float64Array(raw.memory.buffer, scratch, 2);
  let floats = new Float32Array(raw.memory.buffer, scratch + 16, 4);
  for (let i = 0; i < count; i++) {
    // PDFium's own spaces (where it guesses a word gap) are left out: gaps are measured below.
    if (raw.FPDFText_IsGenerated(textPage, i) === 1) continue;
    const code = raw.FPDFText_GetUnicode(textPage, i);
    if (code === CR || code === LF) continue;
    raw.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
    raw.FPDFText_GetLooseCharBox(textPage, i, scratch + 16);
    const size = raw.FPDFText_GetFontSize(textPage, i);
    if (doubles.buffer !== raw.memory.buffer) {
      // PDFium grew its memory during the call (a glyph width loaded on demand): new views.
      doubles = new Float64Array(raw.memory.buffer, scratch, 2);
      floats = new Float32Array(raw.memory.buffer, scratch + 16, 4);
    }
    // FS_RECTF: left, top, right, bottom; right is the origin plus the glyph's advance.
    const char = {
      text: charText(code),
      x: doubles[0]!,
      y: doubles[1]!,
      right: floats[2]!,
      size: size || 10,
    };
    const symbol = code >= 0xf000 && code <= 0xf0ff ? WINGDINGS[code - 0xf000] : WINGDINGS[code];
    if (symbol && code >= 0xf000) char.text = symbol;
    else if (symbol) {
      const font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(textPage, i));
      let isSymbol = symbolFonts.get(font);
      if (isSymbol === undefined) {
        nameBuffer ||= raw.malloc(NAME_BYTES);
        isSymbol = inSymbolFont(raw, textPage, i, nameBuffer);
        // A character without a text object (handle 0) is looked up every time.
        if (font !== 0) symbolFonts.set(font, isSymbol);
      }
      if (isSymbol) char.text = symbol;
    }
    chars.push(char);
  }
  if (nameBuffer) raw.free(nameBuffer);
  return chars;
}
