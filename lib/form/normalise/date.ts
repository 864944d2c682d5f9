/**
 * Dates and times as officers type them: 04-11-2022, 4-11-2022, 4/11/2022, 4.11.2022,
 * 2022-11-04, "4 november 2022" (also "4 nov. 2022"); times 14:35, 14.35, "14:35 uur".
 * Output: YYYY-MM-DD and HH:MM, only for real calendar dates and clock times.
 */

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

const NUMERIC_DMY = /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/;
const NUMERIC_YMD = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const WRITTEN = /(?<!\d)(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?!\d)/i;
const TIME = /(?<![\d.:-])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.:-])/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  // "mrt" is the customary Dutch abbreviation of maart; every other month starts with its abbreviation.
  if (lower === 'mrt') return 3;
  const index = MONTHS.findIndex((m) => m.startsWith(lower));
  return index === -1 ? null : index + 1;
}

type TFound = { value: string; index: number; end: number };

/** The first date in `text`, with where it was found (so a time can be looked for after it). */
export function findDate(text: string): TFound | null {
  const candidates: TFound[] = [];
  const dmy = NUMERIC_DMY.exec(text);
  if (dmy) {
    const value = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
    if (value) candidates.push({ value, index: dmy.index, end: dmy.index + dmy[0].length });
  }
  const ymd = NUMERIC_YMD.exec(text);
  if (ymd) {
    const value = isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    if (value) candidates.push({ value, index: ymd.index, end: ymd.index + ymd[0].length });
  }
  const written = WRITTEN.exec(text);
  const month = written ? monthNumber(written[2]!) : null;
  if (written && month) {
    const value = isoDate(Number(written[3]), month, Number(written[1]));
    if (value) candidates.push({ value, index: written.index, end: written.index + written[0].length });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

export function parseDate(text: string): string | null {
  return findDate(text)?.value ?? null;
}

export function parseTime(text: string): string | null {
  const match = TIME.exec(text);
  return match ? `${pad(Number(match[1]))}:${match[2]}` : null;
}

/** "04-11-2022 14:35", "4 november 2022 om 14.35 uur" → 2022-11-04T14:35; null without a time. */
export function parseDateTime(text: string): string | null {
  const date = findDate(text);
  if (!date) return null;
  const time = parseTime(text.slice(date.end));
  return time ? `${date.value}T${time}` : null;
}
