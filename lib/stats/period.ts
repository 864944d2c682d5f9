/**
 * The statistics filter: a period of Dutch calendar days (inclusive), optionally one gemeente,
 * eenheid and/or basisteam, and the step of the time series. Parsed from the page's or the
 * export's search parameters; the default period is the last twelve months up to today.
 */
import { z } from 'zod';
import { dutchDate } from '../werkdagen';

const ZDatum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'datum als JJJJ-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'geen bestaande datum',
  );
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().max(200).optional(),
);

export const STAPPEN = ['dag', 'week', 'maand', 'jaar'] as const;
export type TStap = (typeof STAPPEN)[number];

const ZFilterInput = z.object({
  van: ZDatum.optional(),
  tot: ZDatum.optional(),
  gemeente: optionalText,
  eenheid: optionalText,
  basisteam: optionalText,
  stap: z.preprocess((v) => (v === '' ? undefined : v), z.enum(STAPPEN).optional()),
});

export type TStatsFilter = {
  van: string;
  tot: string;
  gemeente: string | null;
  eenheid: string | null;
  basisteam: string | null;
  stap: TStap;
};

const DAY_MS = 86_400_000;
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The same calendar day a number of years earlier (29 February becomes 28 February). */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  return target.getUTCMonth() === m - 1 ? iso(target) : iso(new Date(Date.UTC(y + years, m, 0)));
}

export function daysInPeriod(f: { van: string; tot: string }): number {
  return Math.round((day(f.tot).getTime() - day(f.van).getTime()) / DAY_MS) + 1;
}

/** Day steps up to two months, weeks up to half a year, months up to three years, then years. */
function defaultStap(days: number): TStap {
  if (days <= 62) return 'dag';
  if (days <= 183) return 'week';
  return days <= 3 * 366 ? 'maand' : 'jaar';
}

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
function lastOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return iso(new Date(Date.UTC(y, m, 0)));
}

/** The last day of the last whole calendar month before `today`'s. */
export function lastWholeMonthEnd(today: string): string {
  return iso(new Date(day(firstOfMonth(today)).getTime() - DAY_MS));
}

/**
 * Parses search parameters (throws a ZodError on bad input); `today` is a Dutch date. The period
 * is widened to whole calendar months: with any exact day range, two queries one day apart
 * differ by one day's meldingen, and the difference in the PC4 or outcome tables names that
 * melding's PC4 and outcome. For the same reason it ends with the last month that is over: the
 * running month grows by the day, so today's figures minus yesterday's would name one melding.
 * The default is the twelve whole months before this one.
 */
export function parseStatsFilter(
  params: Record<string, string | string[] | undefined>,
  today = dutchDate(new Date()),
): TStatsFilter {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const input = ZFilterInput.parse(flat);
  const lastWhole = lastWholeMonthEnd(today);
  const asked = lastOfMonth(input.tot ?? today);
  const tot = asked > lastWhole ? lastWhole : asked;
  const van = firstOfMonth(input.van ?? iso(new Date(day(shiftYears(tot, -1)).getTime() + DAY_MS)));
  if (input.van && van > lastWhole)
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['van'],
        message: 'de lopende maand telt pas mee als hij voorbij is; kies een eerdere maand',
        input: van,
      },
    ]);
  if (van > tot)
    throw new z.ZodError([
      { code: 'custom', path: ['van'], message: 'begint na het einde van de periode', input: van },
    ]);
  if (daysInPeriod({ van, tot }) > 10 * 366)
    throw new z.ZodError([
      { code: 'custom', path: ['van'], message: 'periode langer dan tien jaar', input: van },
    ]);
  return {
    van,
    tot,
    gemeente: input.gemeente ?? null,
    eenheid: input.eenheid ?? null,
    basisteam: input.basisteam ?? null,
    stap: input.stap ?? defaultStap(daysInPeriod({ van, tot })),
  };
}

/** The same period one year earlier, for the trend. */
export function previousYear(f: { van: string; tot: string }): { van: string; tot: string } {
  return { van: shiftYears(f.van, -1), tot: shiftYears(f.tot, -1) };
}

const fmt = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "1 januari 2025 t/m 31 december 2025". */
export function periodLabel(p: { van: string; tot: string }): string {
  return `${fmt.format(day(p.van))} t/m ${fmt.format(day(p.tot))}`;
}

/** "gemeente Rotterdam, eenheid Rotterdam" or "alle gemeenten en eenheden". */
export function filterLabel(f: TStatsFilter): string {
  const parts = [
    f.gemeente && `gemeente ${f.gemeente}`,
    f.eenheid && `eenheid ${f.eenheid}`,
    f.basisteam && `basisteam ${f.basisteam}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'alle gemeenten en eenheden';
}

/** The filter as search parameters (for links to exports and presets). */
export function filterParams(f: TStatsFilter): URLSearchParams {
  const p = new URLSearchParams({ van: f.van, tot: f.tot, stap: f.stap });
  if (f.gemeente) p.set('gemeente', f.gemeente);
  if (f.eenheid) p.set('eenheid', f.eenheid);
  if (f.basisteam) p.set('basisteam', f.basisteam);
  return p;
}
