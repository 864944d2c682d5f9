/**
 * Rows of StatsKalender: for each day from 2000-01-01, the number of werkdagen (lib/werkdagen)
 * up to and including it, so SQL finds werkdagenTussen(a, b) as nr(day b) − nr(day a).
 */
import { isWerkdag } from '../werkdagen';

export const KALENDER_START = '2000-01-01';
const DAY_MS = 86_400_000;

export function kalenderRows(totEnMet: string): { datum: Date; werkdagNr: number }[] {
  const rows: { datum: Date; werkdagNr: number }[] = [];
  let nr = 0;
  for (
    let t = Date.parse(`${KALENDER_START}T00:00:00Z`), end = Date.parse(`${totEnMet}T00:00:00Z`);
    t <= end;
    t += DAY_MS
  ) {
    const datum = new Date(t);
    if (isWerkdag(datum.toISOString().slice(0, 10))) nr += 1;
    rows.push({ datum, werkdagNr: nr });
  }
  return rows;
}
