import 'server-only';
import { samePersonConditions } from '../same-person';
import { findMeldingInScope, meldingScope, type TActing } from './melding-scope';

/**
 * Other meldingen about the same person — same BSN, or same surname and birth date — with their
 * status and outcome, as the handreiking asks when assessing. Part of the melding's (audited) page.
 */
export async function getEerdereMeldingen(opts: TActing & { meldingId: string }) {
  const m = await findMeldingInScope({
    ...opts,
    action: 'melding.eerdere',
    select: { id: true, bsn: true, achternaam: true, geboortedatum: true },
  });
  const samePerson = samePersonConditions(m);
  if (!samePerson.length) return [];
  return opts.db.melding.findMany({
    where: { AND: [meldingScope(opts.user), { id: { not: m.id } }, { OR: samePerson }] },
    select: { id: true, kenmerk: true, receivedAt: true, status: true, uitkomst: true, loketAdvies: true },
    orderBy: { receivedAt: 'desc' },
    take: 50,
  });
}
