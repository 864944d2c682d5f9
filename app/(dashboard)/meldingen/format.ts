/** Dutch date formats of the triage pages (Europe/Amsterdam, whatever the server's zone). */
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});
const day = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

export const formatDateTime = (d: Date | string) => dateTime.format(new Date(d));
/** A calendar date stored as a UTC midnight (birth dates). */
export const formatDay = (d: Date | null) => (d ? day.format(d) : '—');
export const werkdagenLabel = (n: number) =>
  n === 0 ? 'vandaag' : n === 1 ? '1 werkdag geleden' : `${n} werkdagen geleden`;
