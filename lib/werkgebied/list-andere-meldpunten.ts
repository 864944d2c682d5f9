import 'server-only';
import type { TDb } from '../db/client';

/** The other meldpunten a melding outside the werkgebied can be forwarded to, by name. */
export async function listAndereMeldpunten(opts: { db: TDb }) {
  return opts.db.anderMeldpunt.findMany({ orderBy: { naam: 'asc' } });
}
