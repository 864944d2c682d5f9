/** Dates as a Dutch beheerder reads them, in Dutch time. */
export function formatDateTime(d: Date | null | undefined): string {
  return d
    ? d.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' })
    : '—';
}

export const inputClass = 'mt-1 w-full rounded border border-slate-400 px-3 py-1.5 text-sm';
export const labelClass = 'block text-sm font-medium';
export const thClass = 'px-3 py-2 text-left font-medium';
export const tdClass = 'px-3 py-2 align-top';
