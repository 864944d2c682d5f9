import type { TPlacedValue } from './acroform';
import type { TChar } from './pdf-chars';
import { textWidth } from './text-width';

/**
 * Live field values as characters at their widget's place, for the positional reader: a text
 * field's lines from the top of its box, a check box as ☒ or ☐. Widths are estimated (the value
 * is not printed in the text layer), enough for word gaps and for which label a value is beside.
 */
const SIZE = 10;
const PITCH = 12;

function textRun(text: string, x: number, y: number, size: number): TChar[] {
  const chars: TChar[] = [];
  let cursor = x;
  for (const char of text) {
    const right = cursor + (textWidth(char) * size) / 1000;
    chars.push({ text: char, x: cursor, y, right, size });
    cursor = right;
  }
  return chars;
}

export function placedChars(values: TPlacedValue[], page: number): TChar[][] {
  const runs: TChar[][] = [];
  for (const value of values.filter((v) => v.page === page)) {
    if ('ticked' in value) {
      const size = Math.max(value.height, 8);
      runs.push([
        {
          text: value.ticked ? '☒' : '☐',
          x: value.x,
          right: value.x + value.width / 2,
          y: value.y + 0.15 * value.height,
          size,
        },
      ]);
      continue;
    }
    const lines = value.text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
    const size = lines.length > 1 ? SIZE : Math.min(SIZE, Math.max(value.height * 0.75, 6));
    // One line sits on the box's lower part, several run down from its top.
    const top =
      lines.length > 1 ? value.y + value.height - size : value.y + (value.height - size) / 2 + 0.2 * size;
    lines.forEach((line, i) => runs.push(textRun(line, value.x + 2, top - i * PITCH, size)));
  }
  return runs;
}
