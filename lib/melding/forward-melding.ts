import 'server-only';
import { z } from 'zod';
import { buildDoorsturen } from '../mail/doorsturen';
import { newMessageId } from '../mail/message-id';
import { changeMelding } from './change-melding';
import { AppError } from '../errors';
import { getSettings } from '../settings/get-settings';
import type { TActing } from './melding-scope';
import { queueOutgoing } from '../outbox/queue-outgoing';

export const ZForwardMelding = z.object({
  meldingId: z.string(),
  anderMeldpuntId: z.uuid({ message: 'kies het meldpunt waarnaar u doorstuurt' }),
  toelichting: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((t) => t || null),
});

/**
 * Doorsturen: a mail to another meldpunt with the original form attached (the outbox relay adds
 * it when sending) closes the melding with uitkomst DOORGESTUURD and that meldpunt as
 * loketAdvies — one transaction, audited, for a melding the user may triage that is still open.
 */
export async function forwardMelding(o: TActing & z.input<typeof ZForwardMelding>) {
  const input = ZForwardMelding.parse(o);
  return changeMelding({
    ...o,
    meldingId: input.meldingId,
    action: 'melding.doorgestuurd',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'],
    conflict: 'Deze melding is al afgerond',
    apply: async (tx, m) => {
      const ander = await tx.anderMeldpunt.findUnique({ where: { id: input.anderMeldpuntId } });
      if (!ander) throw new AppError('not_found', 'Dit meldpunt staat niet (meer) in de lijst');
      const mailbox = m.mailboxId
        ? await tx.mailbox.findUnique({ where: { id: m.mailboxId }, select: { id: true, fromAddress: true } })
        : null;
      if (!mailbox)
        throw new AppError(
          'conflict',
          'Deze melding hoort bij geen mailbox meer; er kan geen mail worden verstuurd',
        );
      if (
        !(await tx.attachment.count({ where: { meldingId: m.id, isForm: true, content: { not: null } } }))
      ) {
        throw new AppError('conflict', 'Het oorspronkelijke meldformulier is niet meer beschikbaar');
      }
      const settings = await getSettings({ db: tx });
      const mail = buildDoorsturen({
        kenmerk: m.kenmerk,
        toelichting: input.toelichting,
        meldpuntNaam: settings.meldpuntNaam,
        meldpuntTelefoon: settings.meldpuntTelefoon,
      });
      const queued = await queueOutgoing(tx, {
        ...mail,
        mailboxId: mailbox.id,
        kind: 'DOORSTUREN',
        recipient: ander.email,
        messageId: newMessageId(mailbox.fromAddress),
        meldingId: m.id,
        createdById: o.user.id,
      });
      return {
        data: {
          uitkomst: 'DOORGESTUURD',
          loketAdvies: ander.naam,
          uitkomstToelichting: input.toelichting,
          closedAt: new Date(),
          assigneeId: m.assigneeId ?? o.user.id,
        },
        to: 'AFGEROND',
        reason: `Doorgestuurd naar ${ander.naam}`,
        details: { anderMeldpuntId: ander.id, outgoingMailId: queued.id },
      };
    },
  });
}
