import type { TEngine } from './pdfium';
import { textWidth } from './text-width';

/**
 * One page's text as printed lines: PDFium's characters in content order (so a table's wrapped
 * label cell prints before its value), a new line wherever the baseline moves (pdf-parse's rule
 * for pdf.js's text items), keeping where each line ends on the page. That position is what tells
 * a soft wrap from a paragraph break in the reden (see soft-wraps.ts); the text alone cannot.
 */
export type TPdfLine = {
  text: string;
  /** x where the line's last glyph ends, in points. */
  right: number;
  /** Points per unit of `textWidth`, measured on this line's own text. */
  scale: number;
  /**
   * The page's right margin if it mirrors the left one (page width minus the leftmost line
   * start), the default of every word processor; a lower bound when no line fills the width.
   */
  mirroredMargin: number;
  /** More white space below this line than between the page's lines as a rule: a paragraph ends. */
  gapBelow: boolean;
};

/** A line pitch this much above the page's usual one is paragraph spacing. */
const PARAGRAPH_GAP = 1.3;

/** pdf-parse's default: a baseline shift of more than this starts a new line. */
const LINE_THRESHOLD = 4.6;

const SPACE = 0x20;
const CR = 0x0d;
const LF = 0x0a;
/** PDFium's code for a hyphen that ends a line (it may be a hyphenation); printed, it is a hyphen. */
const LINE_END_HYPHEN = 0x02;

/** Lines of one loaded page. */
export function pageLines({ api, raw }: TEngine, page: number): TPdfLine[] {
  const textPage = api.FPDFText_LoadPage(page);
  // 32 bytes of the engine's memory that the position calls write into.
  const scratch = raw.malloc(32);
  const lines = linesOf(raw, textPage, scratch, api.FPDF_GetPageWidthF(page));
  raw.free(scratch);
  api.FPDFText_ClosePage(textPage);
  return lines;
}

function linesOf(raw: TEngine['raw'], textPage: number, scratch: number, pageWidth: number): TPdfLine[] {
  const lines: (Omit<TPdfLine, 'mirroredMargin' | 'gapBelow'> & { y: number })[] = [];
  let current: {
    parts: string[];
    y: number;
    left: number;
    right: number;
    width: number;
    units: number;
  } | null = null;
  let left = Infinity;
  let lastY: number | undefined;
  let lastRight = 0;

  const endLine = () => {
    if (!current) return;
    const text = current.parts.join('');
    if (text.trim() !== '') {
      lines.push({
        text,
        y: current.y,
        right: current.right,
        scale: current.units > 0 ? current.width / current.units : 0,
      });
      left = Math.min(left, current.left);
    }
    current = null;
  };

  // PDFium adds a space of its own where it sees a word gap without a space glyph; it counts only
  // if the next character is on the same line.
  let spaceSeen = false;
  const count = raw.FPDFText_CountChars(textPage);
  let doubles = new Float64Array(raw.memory.buffer, scratch, 2);
  let floats = new Float32Array(raw.memory.buffer, scratch + 16, 4);
  for (let i = 0; i < count; i++) {
    const code = raw.FPDFText_GetUnicode(textPage, i);
    if (raw.FPDFText_IsGenerated(textPage, i) === 1) {
      spaceSeen ||= code === SPACE;
      continue;
    }
    if (code === CR || code === LF) continue;
    raw.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
    raw.FPDFText_GetLooseCharBox(textPage, i, scratch + 16);
    if (doubles.buffer !== raw.memory.buffer) {
      // PDFium grew its memory during the call (a glyph width loaded on demand): new views.
      doubles = new Float64Array(raw.memory.buffer, scratch, 2);
      floats = new Float32Array(raw.memory.buffer, scratch + 16, 4);
    }
    const [x = 0, y = 0] = doubles;
    // FS_RECTF: left, top, right, bottom; right is the origin plus the glyph's advance.
    const end = floats[2]!;
    const char = code === LINE_END_HYPHEN ? '-' : String.fromCharCode(code);
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) endLine();
    if (!current) {
      current = { parts: [], y, left: x, right: 0, width: 0, units: 0 };
      spaceSeen = false;
    }
    // A gap between two characters on one line is a column gap or a word space: one space either way.
    const last = current.parts.at(-1);
    if (last !== undefined && (spaceSeen || x - lastRight > 1) && last !== ' ' && char !== ' ')
      current.parts.push(' ');
    spaceSeen = false;
    current.parts.push(char);
    if (char.trim() !== '') {
      current.right = Math.max(current.right, end);
      current.width += end - x;
      current.units += textWidth(char);
    }
    lastY = y;
    lastRight = end;
  }
  endLine();
  const pitches = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((pitch) => pitch > 0)
    .sort((a, b) => a - b);
  const usual = pitches[Math.floor(pitches.length / 2)] ?? 0;
  return lines.map(({ y, ...line }, i) => ({
    ...line,
    mirroredMargin: pageWidth - left,
    gapBelow: usual > 0 && y - (lines[i + 1]?.y ?? y) > usual * PARAGRAPH_GAP,
  }));
}
