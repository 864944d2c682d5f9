import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

export async function removeAnderMeldpunt(opts: { db: TDb; actor: TAuditActor; id: string }): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const { count } = await tx.anderMeldpunt.deleteMany({ where: { id: opts.id } });
    if (!count) throw new AppError('not_found', 'Dit meldpunt bestaat niet (meer)');
    await audit(tx, {
      actor: opts.actor,
      action: 'ander_meldpunt.verwijderd',
      objectType: 'system',
      objectId: opts.id,
    });
  });
}
