import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { textWidth } from './text-width';

/**
 * One page's text as printed lines, the way pdf-parse's getText() joins pdf.js text items (same
 * line threshold; items in content order, so a table's wrapped label cell prints before its
 * value), but keeping where each line ends on the page. That position is what tells a soft wrap
 * from a paragraph break in the reden (see soft-wraps.ts); the text layer alone cannot.
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

type TItem = { str: string; transform: number[]; width: number; hasEOL: boolean };

export async function pageLines(page: PDFPageProxy): Promise<TPdfLine[]> {
  const content = await page.getTextContent();
  const lines: (Omit<TPdfLine, 'mirroredMargin' | 'gapBelow'> & { y: number })[] = [];
  let current: { parts: string[]; y: number; left: number; right: number; width: number; units: number } | null = null;
  let left = Infinity;
  let lastY: number | undefined;
  let lastRight = 0;

  const endLine = () => {
    if (!current) return;
    const text = current.parts.join('');
    if (text.trim() !== '') {
      lines.push({ text, y: current.y, right: current.right, scale: current.units > 0 ? current.width / current.units : 0 });
      left = Math.min(left, current.left);
    }
    current = null;
  };

  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as TItem;
    const x = item.transform[4]!;
    const y = item.transform[5]!;
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) endLine();
    current ??= { parts: [], y, left: x, right: 0, width: 0, units: 0 };
    // A gap between two items on one line is a column gap or a word space: one space either way.
    if (current.parts.length > 0 && x - lastRight > 1 && !/\s$/.test(current.parts.at(-1)!) && !/^\s/.test(item.str)) current.parts.push(' ');
    current.parts.push(item.str);
    if (item.str.trim() !== '') {
      current.right = Math.max(current.right, x + item.width);
      current.width += item.width;
      current.units += textWidth(item.str);
    }
    lastY = y;
    lastRight = x + item.width;
    if (item.hasEOL) {
      endLine();
      lastY = undefined;
    }
  }
  endLine();
  const [, , pageWidth = 0] = page.view;
  const pitches = lines.slice(1).map((line, i) => lines[i]!.y - line.y).filter((pitch) => pitch > 0).sort((a, b) => a - b);
  const usual = pitches[Math.floor(pitches.length / 2)] ?? 0;
  return lines.map(({ y, ...line }, i) => ({
    ...line,
    mirroredMargin: pageWidth - left,
    gapBelow: usual > 0 && y - (lines[i + 1]?.y ?? y) > usual * PARAGRAPH_GAP,
  }));
}
