import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

export async function removeAnderMeldpunt(o: { db: TDb; actor: TAuditActor; id: string }): Promise<void> {
  await o.db.$transaction(async (tx) => {
    await requireBeheerder(tx, o.actor);
    const { count } = await tx.anderMeldpunt.deleteMany({ where: { id: o.id } });
    if (!count) throw new AppError('not_found', 'Dit meldpunt bestaat niet (meer)');
    await audit(tx, {
      actor: o.actor,
      action: 'ander_meldpunt.verwijderd',
      objectType: 'system',
      objectId: o.id,
    });
  });
}
