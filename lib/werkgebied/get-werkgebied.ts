import 'server-only';
import type { TDb, TTx } from '../db/client';
import type { TWerkgebied } from './werkgebied';

/** The configured werkgebied; empty lists mean "not configured" (nothing is marked outside). */
export async function getWerkgebied(opts: { db: TDb | TTx }): Promise<TWerkgebied> {
  // One after the other: inside ingestion's transaction, one connection takes one query at a time.
  const gemeenten = await opts.db.werkgebiedGemeente.findMany({ orderBy: { naam: 'asc' } });
  const postcodes = await opts.db.werkgebiedPostcode.findMany({ orderBy: [{ van: 'asc' }, { tot: 'asc' }] });
  return {
    gemeenten: gemeenten.map((g) => g.naam),
    postcodes: postcodes.map((p) => ({ van: p.van, tot: p.tot, gemeente: p.gemeente })),
  };
}
