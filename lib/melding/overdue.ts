/**
 * Overdue: a melding not assessed within the meldpunt's own number of werkdagen after the day it
 * was received. (Afspraak 11's two werkdagen are about the confirmation to the police, which the
 * acceptatiesignaal gives at once; this deadline is the meldpunt's own for its assessment.)
 * Received Monday with 2 werkdagen: still in time all of Wednesday, late Thursday.
 */
import { dutchDate, isWerkdag, werkdagenTussen } from '../werkdagen';

const DAY_MS = 86_400_000;

export function isOverdue(
  m: { receivedAt: Date; firstAssessedAt: Date | null },
  werkdagen: number,
  now: Date,
): boolean {
  return m.firstAssessedAt === null && werkdagenTussen(m.receivedAt, now) > werkdagen;
}

/** Midnight in the Netherlands at the start of `day` ('YYYY-MM-DD'), as an instant. */
function dutchMidnight(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // Amsterdam is UTC+1 or UTC+2: the first of the two candidate instants that falls on `day`.
  for (const hours of [2, 1]) {
    const t = new Date(utcMidnight - hours * 3_600_000);
    if (dutchDate(t) === day) return t;
  }
  return new Date(utcMidnight);
}

/**
 * The instant before which a received, unassessed melding is overdue at `now` — so the inbox can
 * filter overdue meldingen inside the query (`receivedAt < cutoff AND firstAssessedAt IS NULL`).
 */
export function overdueCutoff(werkdagen: number, now: Date): Date {
  // Walk back from today until more than `werkdagen` werkdagen lie after the day reached.
  let day = Date.parse(`${dutchDate(now)}T00:00:00Z`);
  let counted = 0;
  while (counted <= werkdagen) {
    if (isWerkdag(new Date(day).toISOString().slice(0, 10))) counted += 1;
    day -= DAY_MS;
  }
  // `day` is the latest overdue receipt day; everything before the next day's midnight is late.
  return dutchMidnight(new Date(day + DAY_MS).toISOString().slice(0, 10));
}
