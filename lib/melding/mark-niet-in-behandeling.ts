import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import type { TActing } from './melding-scope';
import { queueOfficerMail } from '../outbox/queue-officer-mail';

export const ZMarkNietInBehandeling = z.object({
  meldingId: z.string(),
  loketAdvies: z.string().trim().min(2, 'noem het geadviseerde loket (bijvoorbeeld Veilig Thuis)').max(200),
  reden: z.string().trim().min(5, 'geef de reden (minstens 5 tekens)').max(4000),
  body: z.string().trim().min(10, 'de tekst van de mail is te kort').max(20_000),
});

/**
 * Niet in behandeling (bericht 2, afspraak 3): after consulting the officer, the confirmation
 * with reason and advised loket goes to the officer's address in the form, and the melding is
 * closed with that uitkomst.
 */
export async function markNietInBehandeling(o: TActing & z.input<typeof ZMarkNietInBehandeling>) {
  const input = ZMarkNietInBehandeling.parse(o);
  return changeMelding({
    ...o,
    meldingId: input.meldingId,
    action: 'melding.niet_in_behandeling',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'],
    conflict: 'Deze melding is al afgerond',
    apply: async (tx, m) => {
      const outgoingMailId = await queueOfficerMail(tx, {
        melding: m,
        kind: 'NIET_IN_BEHANDELING',
        body: input.body,
        userId: o.user.id,
      });
      return {
        data: {
          uitkomst: 'NIET_IN_BEHANDELING',
          loketAdvies: input.loketAdvies,
          uitkomstToelichting: input.reden,
          closedAt: new Date(),
          assigneeId: m.assigneeId ?? o.user.id,
        },
        to: 'AFGEROND',
        reason: input.reden,
        details: { outgoingMailId },
      };
    },
  });
}
