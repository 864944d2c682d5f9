import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/** Disables or re-enables a mailbox; the worker stops or starts its session within a scan. */
export async function setMailboxActive(opts: { db: TDb; actor: TAuditActor; id: string; active: boolean }) {
  return opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const { count } = await tx.mailbox.updateMany({ where: { id: opts.id }, data: { active: opts.active } });
    if (!count) throw new AppError('not_found', 'Mailbox niet gevonden');
    await audit(tx, {
      actor: opts.actor,
      action: opts.active ? 'mailbox.enable' : 'mailbox.disable',
      objectType: 'mailbox',
      objectId: opts.id,
    });
  });
}
