import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import { requireBeheerder } from '../auth/require-beheerder';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { newMessageId } from '../mail/message-id';
import { queueOutgoing } from '../outbox/queue-outgoing';
import { getAdreslijstMelding } from './get-adreslijst-melding';

export const ZSendAdreslijstMelding = z.object({ send: z.enum(['versturen', 'niet-nodig']) });

/**
 * The beheerder confirms the Bijlage B notice: it goes through the outbox from the first active
 * mailbox to the configured address, or — when the beheerder reported the change another way —
 * the open changes are closed without a mail. Either way audited.
 */
export async function sendAdreslijstMelding(opts: {
  db: TDb;
  actor: TAuditActor;
  send: 'versturen' | 'niet-nodig';
}) {
  const prepared = await getAdreslijstMelding({ db: opts.db });
  if (!prepared) throw new AppError('conflict', 'Er staat geen wijziging open voor de adressenlijst');
  return opts.db.$transaction(async (tx) => {
    const actorId = await requireBeheerder(tx, opts.actor);
    let outgoingMailId: string | null = null;
    if (opts.send === 'versturen') {
      const mailbox = await tx.mailbox.findFirst({
        where: { active: true },
        orderBy: { name: 'asc' },
        select: { id: true, fromAddress: true },
      });
      if (!mailbox) throw new AppError('conflict', 'Er is geen actieve mailbox om de mail mee te versturen');
      outgoingMailId = (
        await queueOutgoing(tx, {
          mailboxId: mailbox.id,
          kind: 'ADRESWIJZIGING',
          recipient: prepared.recipient,
          subject: prepared.subject,
          body: prepared.body,
          messageId: newMessageId(mailbox.fromAddress),
          createdById: actorId,
        })
      ).id;
    }
    const closed = await tx.adreslijstWijziging.updateMany({
      where: { id: { in: prepared.open.map((w) => w.id) }, handledAt: null },
      data: { handledAt: new Date(), handledById: actorId, outgoingMailId },
    });
    if (closed.count !== prepared.open.length)
      throw new AppError('conflict', 'Een andere beheerder heeft deze wijziging net afgehandeld');
    await audit(tx, {
      actor: opts.actor,
      action: opts.send === 'versturen' ? 'adressenlijst.gemeld' : 'adressenlijst.niet_nodig',
      objectType: 'system',
      details: { wijzigingen: closed.count, outgoingMailId },
    });
    return { outgoingMailId };
  });
}
