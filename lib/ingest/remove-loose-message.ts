import 'server-only';
import type { TTx } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { removeOutgoingMail, STRIPPED_MESSAGE } from '../retention/remove-melding-data';

/**
 * Removes the personal data of a ledger message that never became a melding (its attachments,
 * the content of the foutmelding sent about it, its raw bytes and headers) inside the caller's transaction,
 * re-checking `where` under a row lock. The original is expunged from the mailbox after commit.
 */
export async function removeLooseMessage(
  tx: TTx,
  opts: { id: string; where: Prisma.InboundMessageWhereInput },
): Promise<boolean> {
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "InboundMessage" WHERE id = ${opts.id}::uuid FOR UPDATE`;
  if (!locked || !(await tx.inboundMessage.count({ where: { AND: [{ id: opts.id }, opts.where] } })))
    return false;
  await tx.attachment.deleteMany({ where: { inboundMessageId: opts.id } });
  await removeOutgoingMail(tx, { inboundMessageId: opts.id });
  await tx.inboundMessage.update({ where: { id: opts.id }, data: STRIPPED_MESSAGE });
  return true;
}
