import 'server-only';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { kenmerkFromSubject } from '../mail/subject';
import { nextAction, stateCode } from './inbound-codes';
import { IN_WORK_QUEUE, OPEN_IN_WORK_QUEUE } from './work-queue-scope';

/** Items per page of the work queue. */
export const WORK_QUEUE_PAGE_SIZE = 200;

/**
 * The work queue ("Postvak"), newest first, one page of at most WORK_QUEUE_PAGE_SIZE: what waits
 * for a person, or everything that is not simply a melding. Only headers and codes: the mail
 * itself is read (and audited) per item. `total` counts every item of the view, for the paging.
 */
export async function listWorkQueue(opts: { db: TDb; role: Role; show: 'open' | 'alle'; pagina?: number }) {
  if (opts.role !== 'MEDEWERKER' && opts.role !== 'BEHEERDER') return { items: [], total: 0 };
  const where = opts.show === 'open' ? OPEN_IN_WORK_QUEUE : IN_WORK_QUEUE;
  const pagina = Math.max(1, Math.floor(opts.pagina ?? 1));
  const [total, rows] = await Promise.all([
    opts.db.inboundMessage.count({ where }),
    opts.db.inboundMessage.findMany({
      where,
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      skip: (pagina - 1) * WORK_QUEUE_PAGE_SIZE,
      take: WORK_QUEUE_PAGE_SIZE,
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
    }),
  ]);
  const items = rows.map((row) => {
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
  return { items, total };
}
