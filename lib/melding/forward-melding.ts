import 'server-only';
import { z } from 'zod';
import { buildDoorsturen, DOORSTUUR_REDENEN, doorgestuurdBerichtTekst } from '../mail/doorsturen';
import { newMessageId } from '../mail/message-id';
import { AppError } from '../errors';
import { getSettings } from '../settings/get-settings';
import { queueOfficerMail } from '../outbox/queue-officer-mail';
import { queueOutgoing } from '../outbox/queue-outgoing';
import { changeMelding } from './change-melding';
import { mailValues } from './mail-values';
import type { TActing } from './melding-scope';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((t) => t || null);

export const ZForwardMelding = z
  .object({
    meldingId: z.string(),
    anderMeldpuntId: z.uuid({ message: 'kies het meldpunt of loket waarnaar u doorstuurt' }),
    reden: z.enum(DOORSTUUR_REDENEN, { message: 'kies waarom u doorstuurt' }),
    toelichting: optionalText(2000),
    /** The police form goes along only when staff tick it (Wet politiegegevens: no more than needed). */
    includeForm: z.boolean().default(false),
    /** Other attachments of the melding (ids), chosen one by one. */
    attachmentIds: z
      .union([z.uuid(), z.array(z.uuid())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    /** Bericht 2 to the officer saying where the melding went (default on in the form). */
    notifyOfficer: z.boolean().default(false),
  })
  .refine((v) => v.reden !== 'ANDERS' || v.toelichting, {
    message: 'licht toe waarom u doorstuurt',
    path: ['toelichting'],
  });

const describeAttachments = (count: number, withForm: boolean): string | null => {
  const others = count - (withForm ? 1 : 0);
  const parts = [
    ...(withForm ? ['het oorspronkelijke meldformulier'] : []),
    ...(others > 0 ? [others === 1 ? '1 andere bijlage' : `${others} andere bijlagen`] : []),
  ];
  return parts.length ? parts.join(' en ') : null;
};

/**
 * Doorsturen to another meldpunt or loket from the configured list: a mail written from the chosen
 * reason, with what staff chose to send along (the form, other attachments, a note), closing the
 * melding with uitkomst DOORGESTUURD; and, when chosen, bericht 2 to the officer saying where it
 * went. One transaction, audited, for a melding the user may triage that is still open.
 */
export async function forwardMelding(opts: TActing & z.input<typeof ZForwardMelding>) {
  const input = ZForwardMelding.parse(opts);
  return changeMelding({
    ...opts,
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
      const form = input.includeForm
        ? await tx.attachment.findFirst({
            where: { meldingId: m.id, isForm: true, contentHash: { not: null } },
            orderBy: { createdAt: 'desc' },
            select: { id: true },
          })
        : null;
      if (input.includeForm && !form)
        throw new AppError('conflict', 'Het oorspronkelijke meldformulier is niet meer beschikbaar');
      const others = await tx.attachment.findMany({
        where: { id: { in: input.attachmentIds }, meldingId: m.id, contentHash: { not: null } },
        select: { id: true },
      });
      if (others.length !== new Set(input.attachmentIds).size)
        throw new AppError('not_found', 'Een gekozen bijlage hoort niet (meer) bij deze melding');
      const attachmentIds = [...new Set([...(form ? [form.id] : []), ...others.map((a) => a.id)])];
      const settings = await getSettings({ db: tx });
      const mail = buildDoorsturen({
        kenmerk: m.kenmerk,
        reden: input.reden,
        toelichting: input.toelichting,
        bijlagen: describeAttachments(attachmentIds.length, Boolean(form)),
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
        createdById: opts.user.id,
        attachmentIds,
      });
      let officerMailId: string | null = null;
      if (input.notifyOfficer) {
        const values = await mailValues(tx, m);
        officerMailId = await queueOfficerMail(tx, {
          melding: m,
          kind: 'DOORGESTUURD_BERICHT',
          body: doorgestuurdBerichtTekst({
            behandelaar: values.behandelaar!,
            kenmerk: m.kenmerk,
            naar: ander.naam,
            reden: input.reden,
            meldpuntNaam: settings.meldpuntNaam,
            meldpuntTelefoon: settings.meldpuntTelefoon,
          }),
          values,
          userId: opts.user.id,
        });
      }
      return {
        data: {
          uitkomst: 'DOORGESTUURD',
          loketAdvies: ander.naam,
          uitkomstToelichting: input.toelichting,
          closedAt: new Date(),
          assigneeId: m.assigneeId ?? opts.user.id,
        },
        to: 'AFGEROND',
        reason: `Doorgestuurd naar ${ander.naam}`,
        details: {
          anderMeldpuntId: ander.id,
          reden: input.reden,
          outgoingMailId: queued.id,
          bijlagen: attachmentIds.length,
          officerMailId,
        },
      };
    },
  });
}
