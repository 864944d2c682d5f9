import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { OUTBOX_CHANNEL } from './queue-outgoing';
import { requireBeheerder } from '../auth/require-beheerder';

/** Puts failed outgoing mail back in the outbox, due now, with the same Message-ID. */
export async function retryOutgoingMail(opts: { db: TDb; actor: TAuditActor; id: string }): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const { count } = await tx.outgoingMail.updateMany({
      where: { id: opts.id, state: { in: ['FAILED', 'BOUNCED'] } },
      data: { state: 'QUEUED', attempts: 0, nextAttemptAt: new Date() },
    });
    if (!count) throw new AppError('not_found', 'Geen mislukte uitgaande mail met dit id');
    await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    await audit(tx, {
      actor: opts.actor,
      action: 'uitgaand.opnieuw',
      objectType: 'message',
      objectId: opts.id,
    });
  });
}
