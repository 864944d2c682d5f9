import 'server-only';
import type { Prisma } from '../db/generated/client';
import { OPEN_OUTCOMES } from './inbound-codes';

/** Messages that are simply meldingen or linked replies: in the inbox, not the work queue. */
const INBOX_OUTCOMES = ['MELDING_ACCEPTED', 'MELDING_ACCEPTED_WARNINGS', 'REPLY_LINKED'] as const;

/** Everything in the work queue (see inbound-codes.ts inWorkQueue), as a Prisma filter. */
export const IN_WORK_QUEUE: Prisma.InboundMessageWhereInput = {
  OR: [
    { state: { in: ['STORED', 'FAILED', 'PARKED'] } },
    // Rows decided before the outcome column: those that made a melding or a reply are not queue items.
    { outcome: null, meldingId: null },
    { outcome: { notIn: [...INBOX_OUTCOMES] } },
  ],
};

/** What waits for a person (inbound-codes.ts isOpen), as a Prisma filter. */
export const OPEN_IN_WORK_QUEUE: Prisma.InboundMessageWhereInput = {
  resolution: null,
  OR: [{ state: 'PARKED' }, { state: { notIn: ['STORED', 'FAILED'] }, outcome: { in: OPEN_OUTCOMES } }],
};
