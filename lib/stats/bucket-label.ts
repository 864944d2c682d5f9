/**
 * A time bucket key of the statistics (2026-12-07, 2026-W49, 2026-12, 2026) as a person reads it:
 * "7 december 2026", "week 49 van 2026", "december 2026", "2026". Anything else (the "Totaal"
 * row) stays as it is. The exports keep the sortable keys; the page shows these. Pure.
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

export function bucketLabel(key: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (day) return `${Number(day[3])} ${MONTHS[Number(day[2]) - 1]} ${day[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) return `week ${Number(week[2])} van ${week[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return key;
}
