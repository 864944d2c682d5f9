import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/**
 * Offers a parked message to the worker again (after the cause was fixed): back to STORED with
 * its attempts reset. The worker processes it from the stored raw bytes; the message itself
 * stays in the folder it was moved to.
 */
export async function retryParkedMessage(opts: { db: TDb; actor: TAuditActor; id: string }): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const { count } = await tx.inboundMessage.updateMany({
      where: { id: opts.id, state: 'PARKED' },
      data: {
        state: 'STORED',
        attempts: 0,
        crashes: 0,
        attemptStartedAt: null,
        error: null,
        targetFolder: null,
        processedAt: null,
      },
    });
    if (!count) throw new AppError('not_found', 'Geen geparkeerd bericht met dit id');
    await audit(tx, {
      actor: opts.actor,
      action: 'bericht.opnieuw',
      objectType: 'message',
      objectId: opts.id,
    });
  });
}
