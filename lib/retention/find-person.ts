import 'server-only';
import { audit, type TAuditActor, personKey } from '../audit/audit';
import type { TDb } from '../db/client';
import { personWhere, ZPersonQuery } from '../melding/person-query';
import { requireBeheerder } from '../auth/require-beheerder';

/** The meldingen held about a person, in brief, for the beheerder's export and erasure page. Audited. */
export async function findPerson(opts: { db: TDb; actor: TAuditActor; query: unknown }) {
  const query = ZPersonQuery.parse(opts.query);
  return opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const meldingen = await tx.melding.findMany({
      where: personWhere(query),
      orderBy: { receivedAt: 'asc' },
      select: { id: true, kenmerk: true, receivedAt: true, status: true, uitkomst: true, closedAt: true },
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'persoon.gezocht',
      objectType: 'person',
      personKey: personKey(query),
      details: { meldingen: meldingen.length },
    });
    return meldingen;
  });
}
