import 'server-only';
import type { TDb, TTx } from '../db/client';
import type { TWerkgebied } from '../werkgebied';

/** The configured werkgebied; empty lists mean "not configured" (nothing is marked outside). */
export async function getWerkgebied(o: { db: TDb | TTx }): Promise<TWerkgebied> {
  const [gemeenten, postcodes] = await Promise.all([
    o.db.werkgebiedGemeente.findMany({ orderBy: { naam: 'asc' } }),
    o.db.werkgebiedPostcode.findMany({ orderBy: [{ van: 'asc' }, { tot: 'asc' }] }),
  ]);
  return { gemeenten: gemeenten.map((g) => g.naam), postcodes: postcodes.map((p) => ({ van: p.van, tot: p.tot })) };
}
