/** The input style of the melding page's action forms. */
export const field = 'mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm';
