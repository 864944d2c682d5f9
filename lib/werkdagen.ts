/**
 * Werkdagen (working days) in the Netherlands: Monday to Friday except the public holidays of the
 * Algemene termijnenwet — Nieuwjaarsdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag (5 mei),
 * Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag. Dates are calendar days in
 * Dutch local time, as 'YYYY-MM-DD'.
 */

const DAY_MS = 86_400_000;

/** Easter Sunday (Gregorian, anonymous algorithm) as a UTC date. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const cache = new Map<number, Set<string>>();

export function feestdagen(year: number): Set<string> {
  let set = cache.get(year);
  if (set) return set;
  const e = easter(year).getTime();
  // Koningsdag is 27 April, or the 26th when the 27th is a Sunday.
  const koningsdag = new Date(Date.UTC(year, 3, 27));
  if (koningsdag.getUTCDay() === 0) koningsdag.setUTCDate(26);
  set = new Set([
    `${year}-01-01`,
    iso(new Date(e + 1 * DAY_MS)), // Tweede Paasdag
    iso(koningsdag),
    `${year}-05-05`,
    iso(new Date(e + 39 * DAY_MS)), // Hemelvaartsdag
    iso(new Date(e + 50 * DAY_MS)), // Tweede Pinksterdag
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  cache.set(year, set);
  return set;
}

/** The calendar day of an instant in Dutch local time. */
export function dutchDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function isWerkdag(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = d.getUTCDay();
  return dow !== 0 && dow !== 6 && !feestdagen(d.getUTCFullYear()).has(date);
}

/**
 * Whole werkdagen between two instants: the werkdagen after the day of `from` up to and including
 * the day of `to`. Received on Friday, seen on Monday → 1; the same day → 0.
 */
export function werkdagenTussen(from: Date, to: Date): number {
  const start = new Date(`${dutchDate(from)}T00:00:00Z`).getTime();
  const end = new Date(`${dutchDate(to)}T00:00:00Z`).getTime();
  let n = 0;
  for (let t = start + DAY_MS; t <= end; t += DAY_MS) if (isWerkdag(iso(new Date(t)))) n += 1;
  return n;
}
