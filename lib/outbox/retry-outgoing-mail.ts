import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { OUTBOX_CHANNEL } from './queue-outgoing';
import { requireBeheerder } from '../auth/require-beheerder';

/** Puts failed outgoing mail back in the outbox, due now, with the same Message-ID. */
export async function retryOutgoingMail(o: { db: TDb; actor: TAuditActor; id: string }): Promise<void> {
  await o.db.$transaction(async (tx) => {
    await requireBeheerder(tx, o.actor);
    const { count } = await tx.outgoingMail.updateMany({
      where: { id: o.id, state: { in: ['FAILED', 'BOUNCED'] } },
      data: { state: 'QUEUED', attempts: 0, nextAttemptAt: new Date() },
    });
    if (!count) throw new AppError('not_found', 'Geen mislukte uitgaande mail met dit id');
    await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    await audit(tx, { actor: o.actor, action: 'uitgaand.opnieuw', objectType: 'message', objectId: o.id });
  });
}
