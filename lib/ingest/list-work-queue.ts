import 'server-only';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { kenmerkFromSubject } from '../mail/subject';
import { nextAction, stateCode } from './inbound-codes';
import { IN_WORK_QUEUE, OPEN_IN_WORK_QUEUE } from './work-queue-scope';

const LIMIT = 200;

/**
 * The work queue ("Postvak"), newest first: what waits for a person, or everything that is not
 * simply a melding. Only headers and codes: the mail itself is read (and audited) per item.
 */
export async function listWorkQueue(o: { db: TDb; role: Role; show: 'open' | 'alle' }) {
  if (o.role !== 'MEDEWERKER' && o.role !== 'BEHEERDER') return [];
  const rows = await o.db.inboundMessage.findMany({
    where: o.show === 'open' ? OPEN_IN_WORK_QUEUE : IN_WORK_QUEUE,
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: LIMIT,
    select: {
      id: true,
      receivedAt: true,
      fromAddress: true,
      subject: true,
      state: true,
      outcome: true,
      resolution: true,
      kind: true,
      resolvedBy: true,
      error: true,
      authenticity: true,
      meldingId: true,
      mailbox: { select: { name: true } },
    },
  });
  return rows.map((row) => {
    const authenticity = row.authenticity as { verdict?: string } | null;
    return {
      id: row.id,
      receivedAt: row.receivedAt,
      mailbox: row.mailbox.name,
      from: row.fromAddress,
      verified: authenticity?.verdict === 'pass',
      subject: row.subject,
      kenmerk: kenmerkFromSubject(row.subject),
      state: stateCode(row),
      reason: row.error,
      nextAction: nextAction(row),
      resolution: row.resolution,
      resolvedBy: row.resolvedBy,
      meldingId: row.meldingId,
    };
  });
}
