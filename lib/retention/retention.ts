/** Retention rules shared by the job, its dry run, the CLI and the beheer page. Pure. */

/**
 * The moment before which a closed melding has expired: `months` calendar months before `now`
 * (the 31st of a shorter month becomes its last day, never a day in the next month).
 */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/**
 * Marks a ledger row whose melding was removed but whose original message may still be in the
 * mailbox: the row (stripped of everything but how to find the message) stays until the
 * message is expunged, so a failed expunge is retried and the worker never ingests it again.
 */
export const EXPUNGE_PENDING = 'bewaartermijn: nog te verwijderen uit de mailbox';
