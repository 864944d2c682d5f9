import 'server-only';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';

/**
 * The sender's authenticity could not be checked for DNS trouble: the message waits in the
 * ledger (still STORED) and is tried again from `retryAt`, not quarantined.
 */
export async function deferInbound(opts: {
  db: TDb;
  inboundId: string;
  reason: string;
  retryAt: Date;
  authenticity: Prisma.InputJsonValue;
}): Promise<void> {
  await opts.db.inboundMessage.updateMany({
    where: { id: opts.inboundId, state: { in: ['STORED', 'FAILED'] } },
    data: {
      state: 'STORED',
      outcome: 'AUTH_DEFERRED',
      deferrals: { increment: 1 },
      retryAt: opts.retryAt,
      error: opts.reason.slice(0, 2000),
      authenticity: opts.authenticity,
    },
  });
}
