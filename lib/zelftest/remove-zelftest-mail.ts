import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { requireBeheerder } from '../auth/require-beheerder';
import { expungePendingMessages } from '../retention/expunge-pending-messages';
import type { TKeyring } from '../secrets/crypto';

/**
 * The last step of a keten-zelftest: its test mail, stripped on arrival and left pending, is
 * expunged from the mailbox (with whatever else already waits for that, as the retention job does)
 * and its ledger row forgotten. The test is marked removed once its row is gone.
 */
export async function removeZelftestMail(opts: {
  db: TDb;
  ring: TKeyring;
  actor: TAuditActor;
  zelftestId: string;
}): Promise<boolean> {
  await requireBeheerder(opts.db, opts.actor);
  const test = await opts.db.ketenZelftest.findUniqueOrThrow({ where: { id: opts.zelftestId } });
  if (test.removedAt) return true;
  if (!test.inboundMessageId) return false;
  await expungePendingMessages({ db: opts.db, ring: opts.ring });
  if (await opts.db.inboundMessage.count({ where: { id: test.inboundMessageId } })) return false;
  await opts.db.ketenZelftest.update({ where: { id: test.id }, data: { removedAt: new Date() } });
  await audit(opts.db, {
    actor: opts.actor,
    action: 'zelftest.verwijderd',
    objectType: 'mailbox',
    objectId: test.mailboxId,
    details: { zelftestId: test.id },
  });
  return true;
}
