import type { TChar } from './pdf-chars';

/**
 * Printed lines from a page's characters. Content order is followed as long as it reads down the
 * page: a new line where the baseline moves (so a table's wrapped label cell still prints before
 * its value, as Word and LibreOffice export it). Content order is only a hint, though: once it
 * jumps back up the page by more than a few lines (a flattened form draws every value after all
 * the labels), the rest is placed by geometry — each run of text joins the line on its baseline,
 * in x order ("Op  om  uur." takes its date and time into the gaps), or becomes a line of its own
 * below the nearest line above it. Characters that are not in the text layer (tick boxes drawn as
 * graphics, live field values) are always placed by geometry.
 */
export type TPlacedLine = { chars: TChar[]; y: number };

/** pdf-parse's default: a baseline shift of more than this starts a new line. */
const LINE_THRESHOLD = 4.6;
/** Content order that climbs more than this many font sizes is not reading order any more. */
const JUMP_BACK = 3;
/** How far (in font sizes) a run's baseline may be from a line's to join it. */
const SAME_ROW = 0.5;

function runsOf(chars: TChar[]): TChar[][] {
  const runs: TChar[][] = [];
  let run: TChar[] = [];
  for (const char of chars) {
    const last = run.at(-1);
    if (last && Math.abs(last.y - char.y) > LINE_THRESHOLD) {
      runs.push(run);
      run = [];
    }
    run.push(char);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const sizeOf = (run: TChar[]) => Math.max(...run.map((char) => char.size));

/** Puts a run where it sits on the page: into the line on its baseline, else below the line above it. */
function place(lines: TPlacedLine[], run: TChar[]): void {
  const y = run[0]!.y;
  const tolerance = SAME_ROW * sizeOf(run);
  let row: TPlacedLine | undefined;
  for (const line of lines) {
    if (Math.abs(line.y - y) <= tolerance && (!row || Math.abs(line.y - y) < Math.abs(row.y - y))) row = line;
  }
  if (row) {
    row.chars = [...row.chars, ...run].sort((a, b) => a.x - b.x);
    return;
  }
  let above = -1;
  lines.forEach((line, i) => {
    if (line.y > y && (above === -1 || line.y <= lines[above]!.y)) above = i;
  });
  lines.splice(above + 1, 0, { chars: run, y });
}

export function placeLines(chars: TChar[], drawn: TChar[][] = []): TPlacedLine[] {
  const lines: TPlacedLine[] = [];
  let geometric = false;
  let previous: TChar[] | undefined;
  for (const run of runsOf(chars)) {
    if (previous && run[0]!.y - previous[0]!.y > JUMP_BACK * sizeOf(run)) geometric = true;
    if (geometric) place(lines, run);
    else lines.push({ chars: run, y: run[0]!.y });
    previous = run;
  }
  for (const run of drawn) place(lines, run);
  return lines;
}
