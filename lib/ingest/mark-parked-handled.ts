import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/** A parked message the beheerder dealt with by hand: no longer parked, no longer an alert. */
export async function markParkedHandled(opts: { db: TDb; actor: TAuditActor; id: string }): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const { count } = await tx.inboundMessage.updateMany({
      where: { id: opts.id, state: 'PARKED' },
      data: {
        state: 'IGNORED',
        error: 'Handmatig afgehandeld door beheerder',
        // Dealt with: no longer waiting for anyone in the work queue or `inbound list`.
        resolution: 'HANDLED',
        resolvedAt: new Date(),
        resolvedBy: opts.actor.label,
      },
    });
    if (!count) throw new AppError('not_found', 'Geen geparkeerd bericht met dit id');
    await audit(tx, {
      actor: opts.actor,
      action: 'bericht.afgehandeld',
      objectType: 'message',
      objectId: opts.id,
    });
  });
}
