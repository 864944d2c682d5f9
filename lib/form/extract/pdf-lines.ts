import { drawnBoxes } from './drawn-boxes';
import { lineText } from './line-text';
import { readChars, type TChar } from './pdf-chars';
import type { TEngine } from './pdfium';
import { placeLines, type TPlacedLine } from './place-runs';
import { textWidth } from './text-width';
import { hasUsableText } from './usable-text';

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

/**
 * Lines of one loaded page; `extra` are characters from outside the text layer (live field
 * values). Null when the page has no usable text (a scan): that page needs OCR.
 */
export function pageLines(engine: TEngine, page: number, extra: TChar[][] = []): TPdfLine[] | null {
  const { api, raw } = engine;
  const textPage = api.FPDFText_LoadPage(page);
  // 32 bytes of the engine's memory that the position calls write into.
  const scratch = raw.malloc(32);
  const chars = readChars(raw, textPage, scratch);
  const usable = hasUsableText(chars);
  const drawn = usable ? drawnBoxes(engine, page, scratch, chars) : [];
  raw.free(scratch);
  api.FPDFText_ClosePage(textPage);
  if (!usable) return null;
  return measure(placeLines(chars, [...drawn, ...extra]), api.FPDF_GetPageWidthF(page));
}

/** Printed lines with what the soft-wrap and paragraph rules need (ends, scale, spacing). */
export function measure(placed: TPlacedLine[], pageWidth: number): TPdfLine[] {
  const lines = placed
    .map(({ chars, y }) => {
      let width = 0;
      let units = 0;
      let right = 0;
      for (const char of chars) {
        if (char.text.trim() === '') continue;
        right = Math.max(right, char.right);
        width += char.right - char.x;
        units += textWidth(char.text);
      }
      return { text: lineText(chars), y, left: chars[0]!.x, right, scale: units > 0 ? width / units : 0 };
    })
    .filter((line) => line.text.trim() !== '');
  const left = Math.min(...lines.map((line) => line.left));
  const pitches = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((pitch) => pitch > 0)
    .sort((a, b) => a - b);
  const usual = pitches[Math.floor(pitches.length / 2)] ?? 0;
  // Written out, not `({ y, ...line })`: an object rest costs more than the rest of this function.
  return lines.map(({ text, y, right, scale }, i) => ({
    text,
    right,
    scale,
    mirroredMargin: pageWidth - left,
    gapBelow: usual > 0 && y - (lines[i + 1]?.y ?? y) > usual * PARAGRAPH_GAP,
  }));
}
