import 'server-only';
import { z } from 'zod';
import { afstemmingZin } from '../mail/afstemming';
import { AppError } from '../errors';
import { queueOfficerMail } from '../outbox/queue-officer-mail';
import { changeMelding } from './change-melding';
import { ZContactMomentInput } from './contact-moment-input';
import { mailValues } from './mail-values';
import type { TActing } from './melding-scope';

export const ZMarkNietInBehandeling = z
  .object({
    meldingId: z.string(),
    loketAdvies: z.string().trim().min(2, 'noem het geadviseerde loket (bijvoorbeeld Veilig Thuis)').max(200),
    reden: z.string().trim().min(5, 'geef de reden (minstens 5 tekens)').max(4000),
    /** The afstemming (afspraak 1): an earlier contact moment, or one entered with this action. */
    contactMomentId: z
      .uuid()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    afstemming: ZContactMomentInput.optional(),
    /** The confirmation (bericht 2) is optional: afspraak 2 says it "kan" be sent. */
    sendMail: z.boolean().default(false),
    body: z.string().trim().max(20_000).optional(),
  })
  .refine((v) => v.contactMomentId || v.afstemming, {
    message: 'leg vast hoe met de behandelaar is afgestemd (afspraak 1)',
    path: ['afstemming'],
  })
  .refine((v) => !v.sendMail || (v.body?.length ?? 0) >= 10, {
    message: 'de tekst van de mail is te kort',
    path: ['body'],
  });

/**
 * Niet in behandeling (bericht 2): after the afstemming with the officer (afspraak 1, recorded as
 * a contact moment), the melding closes with the advised loket; the confirmation to the officer's
 * address in the form (afspraak 3) is sent when staff choose to (afspraak 2: "kan"), with the
 * reden, loket and afstemming merged into the text.
 */
export async function markNietInBehandeling(opts: TActing & z.input<typeof ZMarkNietInBehandeling>) {
  const input = ZMarkNietInBehandeling.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.niet_in_behandeling',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'],
    conflict: 'Deze melding is al afgerond',
    apply: async (tx, m) => {
      const contact = input.contactMomentId
        ? await tx.contactMoment.findFirst({ where: { id: input.contactMomentId, meldingId: m.id } })
        : await tx.contactMoment.create({
            data: { meldingId: m.id, authorId: opts.user.id, ...input.afstemming! },
          });
      if (!contact) throw new AppError('not_found', 'Dit contactmoment hoort niet bij deze melding');
      const outgoingMailId = input.sendMail
        ? await queueOfficerMail(tx, {
            melding: m,
            kind: 'NIET_IN_BEHANDELING',
            body: input.body!,
            values: await mailValues(tx, m, {
              reden: input.reden,
              loket: input.loketAdvies,
              afstemming: afstemmingZin(contact),
            }),
            userId: opts.user.id,
          })
        : null;
      return {
        data: {
          uitkomst: 'NIET_IN_BEHANDELING',
          loketAdvies: input.loketAdvies,
          uitkomstToelichting: input.reden,
          closedAt: new Date(),
          assigneeId: m.assigneeId ?? opts.user.id,
        },
        to: 'AFGEROND',
        reason: input.reden,
        details: { outgoingMailId, contactMomentId: contact.id, bevestigingVerstuurd: input.sendMail },
      };
    },
  });
}
