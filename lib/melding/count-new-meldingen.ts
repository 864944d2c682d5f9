import 'server-only';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';

/** Meldingen nobody has picked up yet (status ONTVANGEN), for medewerkers' tab title; 0 for other roles. */
export async function countNewMeldingen(opts: { db: TDb; role: Role }): Promise<number> {
  if (opts.role !== 'MEDEWERKER') return 0;
  return opts.db.melding.count({ where: { status: 'ONTVANGEN', anonymisedAt: null } });
}
