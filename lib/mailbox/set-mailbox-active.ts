import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/** Disables or re-enables a mailbox; the worker stops or starts its session within a scan. */
export async function setMailboxActive(o: { db: TDb; actor: TAuditActor; id: string; active: boolean }) {
  return o.db.$transaction(async (tx) => {
    await requireBeheerder(tx, o.actor);
    const { count } = await tx.mailbox.updateMany({ where: { id: o.id }, data: { active: o.active } });
    if (!count) throw new AppError('not_found', 'Mailbox niet gevonden');
    await audit(tx, {
      actor: o.actor,
      action: o.active ? 'mailbox.enable' : 'mailbox.disable',
      objectType: 'mailbox',
      objectId: o.id,
    });
  });
}
