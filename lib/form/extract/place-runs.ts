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
/** A gap narrower than this (in font sizes) is inside a word (see line-text.ts). */
const WORD_GAP = 0.2;

/** Runs of content order on one baseline, reading rightwards; a jump back left starts a new run. */
function runsOf(chars: TChar[]): TChar[][] {
  const runs: TChar[][] = [];
  let run: TChar[] = [];
  for (const char of chars) {
    const last = run.at(-1);
    if (last && (Math.abs(last.y - char.y) > LINE_THRESHOLD || char.x < last.right - 2 * char.size)) {
      runs.push(run);
      run = [];
    }
    run.push(char);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const sizeOf = (run: TChar[]) => Math.max(...run.map((char) => char.size));

/** A run cut where the gap between two characters is wider than a column gap. */
function pieces(run: TChar[]): TChar[][] {
  const cut: TChar[][] = [[run[0]!]];
  for (let i = 1; i < run.length; i++) {
    if (run[i]!.x - run[i - 1]!.right > 1.5 * run[i]!.size) cut.push([]);
    cut.at(-1)!.push(run[i]!);
  }
  return cut;
}

/** How far a run starts from a line's horizontal extent (0 inside it). */
function across(line: TPlacedLine, x: number): number {
  const left = line.chars[0]!.x;
  const right = Math.max(...line.chars.map((char) => char.right));
  return x < left ? left - x : x > right ? x - right : 0;
}

/**
 * Where a run goes into a line: before the first character right of its start, but never inside
 * a word (a label too wide for its cell overlaps the value: "Telefoonnummer" then "010-...").
 */
function insertionPoint(chars: TChar[], run: TChar[]): number {
  let at = chars.findIndex((char) => char.x > run[0]!.x);
  if (at === -1) return chars.length;
  const inWord = (i: number) =>
    chars[i]!.text.trim() !== '' &&
    chars[i - 1]!.text.trim() !== '' &&
    chars[i]!.x - chars[i - 1]!.right < WORD_GAP * chars[i]!.size;
  while (at > 0 && at < chars.length && inWord(at)) at++;
  return at;
}

/**
 * Puts a run where it sits on the page: into the line on its baseline, else below the line above
 * it. Two lines can share a baseline (table cells in content order: "Datum/tijd" and "Op  om
 * uur."); the run joins the one it is inside of, or nearest to.
 */
function place(lines: TPlacedLine[], run: TChar[]): void {
  const y = run[0]!.y;
  const x = run[0]!.x;
  const tolerance = SAME_ROW * sizeOf(run);
  const rows = lines.filter((line) => Math.abs(line.y - y) <= tolerance);
  const closest = Math.min(...rows.map((line) => Math.abs(line.y - y)));
  const row = rows
    .filter((line) => Math.abs(line.y - y) <= closest + 1)
    .reduce<TPlacedLine | undefined>(
      (best, line) => (!best || across(line, x) < across(best, x) ? line : best),
      undefined,
    );
  if (row) {
    // Pieces far apart (the date and the time of "Op … om … uur.") each go into their own gap.
    for (const piece of pieces(run)) row.chars.splice(insertionPoint(row.chars, piece), 0, ...piece);
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
    // Back to the left on the same baseline: drawn into gaps of the line (a flattened field).
    const backOnLine = previous && Math.abs(run[0]!.y - previous[0]!.y) <= LINE_THRESHOLD;
    if (geometric || backOnLine) place(lines, run);
    else lines.push({ chars: run, y: run[0]!.y });
    previous = run;
  }
  for (const run of drawn) place(lines, run);
  return lines;
}
