import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import type { TActing } from './melding-scope';
import { queueOfficerMail } from '../outbox/queue-officer-mail';
import { mailValues } from './mail-values';

export const ZRequestAanvulling = z.object({
  meldingId: z.string(),
  body: z.string().trim().min(10, 'de tekst van de mail is te kort').max(20_000),
});

/**
 * Verzoek om aanvulling (bericht 1, afspraak 8): the mail goes through the outbox to the officer's
 * address in the form; the melding waits in AANVULLING_GEVRAAGD until staff resume it (a reply
 * threaded back by ingestion shows as "reactie ontvangen").
 */
export async function requestAanvulling(opts: TActing & z.input<typeof ZRequestAanvulling>) {
  const input = ZRequestAanvulling.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.aanvulling_gevraagd',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'],
    conflict: 'Bij een afgeronde melding kan geen aanvulling meer worden gevraagd',
    apply: async (tx, m) => {
      const outgoingMailId = await queueOfficerMail(tx, {
        melding: m,
        kind: 'AANVULLING',
        body: input.body,
        values: await mailValues(tx, m),
        userId: opts.user.id,
      });
      return {
        data: {
          aanvullingGevraagd: true,
          aanvullingGevraagdAt: new Date(),
          reactieOntvangen: false,
          assigneeId: m.assigneeId ?? opts.user.id,
        },
        to: 'AANVULLING_GEVRAAGD',
        reason: 'Verzoek om aanvulling verstuurd',
        details: { outgoingMailId },
      };
    },
  });
}
