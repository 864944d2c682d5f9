import 'server-only';
import type { TDb, TTx } from '../db/client';
import { isOutsideWerkgebied } from './werkgebied';
import { getWerkgebied } from './get-werkgebied';

/**
 * Whether a melding's place (gemeente/PC4 as derived by toMeldingColumns: the betrokkene's
 * address, else the voorval's — bericht 1, afspraak 6) lies outside the configured werkgebied.
 */
export async function isBuitenWerkgebied(o: {
  db: TDb | TTx;
  gemeente: string | null;
  pc4: number | null;
}): Promise<boolean> {
  return isOutsideWerkgebied(await getWerkgebied({ db: o.db }), o);
}
