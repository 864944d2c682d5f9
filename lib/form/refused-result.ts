import type { TParseResult } from './schema';

/**
 * The result for a file that is not read at all, with the reason as the one error. Its own
 * module, so the pool and the public entry can answer without loading the parser itself: the
 * process that calls parseMeldformulier never loads the PDF engine or the readers.
 */
export const refused = (message: string): TParseResult => ({
  ok: false,
  formulier: null,
  warnings: [],
  errors: [{ field: 'bestand', message }],
});
