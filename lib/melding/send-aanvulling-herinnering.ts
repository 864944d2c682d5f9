import 'server-only';
import { z } from 'zod';
import { herinneringTekst } from '../mail/templates';
import { AppError } from '../errors';
import { queueOfficerMail } from '../outbox/queue-officer-mail';
import { changeMelding } from './change-melding';
import { mailValues } from './mail-values';
import type { TActing } from './melding-scope';

export const ZSendAanvullingHerinnering = z.object({ meldingId: z.string() });

/**
 * One click: a reminder of the unanswered verzoek om aanvulling, threaded to the first request and
 * quoting it; the reminder clock starts again. Only while the melding waits for the aanvulling.
 */
export async function sendAanvullingHerinnering(opts: TActing & z.input<typeof ZSendAanvullingHerinnering>) {
  const input = ZSendAanvullingHerinnering.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.herinnering_aanvulling',
    from: ['AANVULLING_GEVRAAGD'],
    conflict: 'Deze melding wacht niet (meer) op een aanvulling',
    apply: async (tx, m) => {
      const request = await tx.outgoingMail.findFirst({
        where: { meldingId: m.id, kind: 'AANVULLING' },
        orderBy: { createdAt: 'desc' },
        select: { body: true, createdAt: true },
      });
      if (!request) throw new AppError('conflict', 'Er is nog geen verzoek om aanvulling verstuurd');
      const values = await mailValues(tx, m);
      const outgoingMailId = await queueOfficerMail(tx, {
        melding: m,
        kind: 'HERINNERING_AANVULLING',
        body: herinneringTekst({
          behandelaar: values.behandelaar!,
          kenmerk: m.kenmerk,
          requestedAt: request.createdAt,
          requestBody: request.body,
          meldpuntNaam: values.meldpuntNaam!,
          meldpuntTelefoon: values.meldpuntTelefoon ?? '',
        }),
        values,
        userId: opts.user.id,
      });
      return { data: { aanvullingGevraagdAt: new Date() }, details: { outgoingMailId } };
    },
  });
}
