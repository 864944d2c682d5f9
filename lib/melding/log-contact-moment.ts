import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import { ZContactMomentInput } from './contact-moment-input';
import type { TActing } from './melding-scope';

export const ZLogContactMoment = ZContactMomentInput.extend({ meldingId: z.string() });

/**
 * A structured contact moment (date, with whom, how, outcome) on a melding — e.g. the phone call
 * with the officer that protocol afspraak 1 requires before "niet in behandeling". Allowed on a
 * closed melding too (a call after closing is still worth recording).
 */
export async function logContactMoment(opts: TActing & z.input<typeof ZLogContactMoment>) {
  const input = ZLogContactMoment.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.contactmoment',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD', 'AFGEROND'],
    conflict: 'Bij deze melding kan geen contactmoment meer worden vastgelegd',
    apply: async (tx, m) => {
      const contact = await tx.contactMoment.create({
        data: {
          meldingId: m.id,
          authorId: opts.user.id,
          at: input.at,
          withWhom: input.withWhom,
          kanaal: input.kanaal,
          outcome: input.outcome,
        },
        select: { id: true },
      });
      return { details: { contactMomentId: contact.id, kanaal: input.kanaal } };
    },
  });
}
