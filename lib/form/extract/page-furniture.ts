import { foldSpaces } from '../normalise/text';
import { hasGlyph } from '../read/glyphs';

/**
 * Removes running headers, footers and page numbers from the text of a multi-page PDF, so that
 * a reden aanmelding continued over a page break reads as one text.
 *
 * A line is furniture when it sits in one of the top or bottom EDGE slots of its page and either
 * looks like a page number ("3", "Pagina 2 van 4", "- 2 -") or recurs in the same slot and size on
 * another page with only its digits changed (a running header "Meldformulier PL1300-... blad 1").
 */
const EDGE = 3;
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:(?:pagina|page|blad|p\.)\s*)?\d{1,3}(?:\s*(?:van|of|\/)\s*\d{1,3})?(?:\s*[-–—])?$/i;

/** Slot names for the edge lines of a page: "t0" is the first line, "b0" the last. */
function edgeSlots(count: number): Map<number, string[]> {
  const slots = new Map<number, string[]>();
  for (let i = 0; i < Math.min(EDGE, count); i++) {
    slots.set(i, [...(slots.get(i) ?? []), `t${i}`]);
    slots.set(count - 1 - i, [...(slots.get(count - 1 - i) ?? []), `b${i}`]);
  }
  return slots;
}

/** Slot, text with its digits blanked, and print size: a reden line "Politie" at the top of page 2 is not the letterhead. */
const signature = (slot: string, line: TLine) =>
  `${slot}|${Math.round(line.scale * 1000)}|${line.text.replace(/\d+/g, '#').toLowerCase()}`;

type TLine = { text: string; scale: number };

export function stripPageFurniture<T extends TLine>(pageLines: T[][]): T[] {
  const pages = pageLines.map((lines) =>
    lines.map((line) => ({ ...line, text: foldSpaces(line.text) })).filter((line) => line.text !== ''),
  );
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const [i, slots] of edgeSlots(lines.length)) {
      for (const slot of slots) {
        const key = signature(slot, lines[i]!);
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  }
  return pages.flatMap((lines) => {
    const slots = edgeSlots(lines.length);
    return lines.filter((line, i) => {
      const lineSlots = slots.get(i);
      if (!lineSlots) return true;
      if (PAGE_NUMBER.test(line.text)) return false;
      // "☒ Ja" can end two pages in a row; no running header has a tick box.
      if (hasGlyph(line.text)) return true;
      return !lineSlots.some((slot) => (seen.get(signature(slot, line)) ?? 0) > 1);
    });
  });
}
