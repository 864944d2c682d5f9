import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import { AppError } from '../errors';
import type { TActing } from './melding-scope';

export const ZCloseMelding = z
  .object({
    meldingId: z.string(),
    uitkomst: z.enum(['TOEGELEID', 'GEEN_VERVOLG', 'DOORGESTUURD'], { message: 'kies een uitkomst' }),
    toelichting: z
      .string()
      .trim()
      .max(4000)
      .nullish()
      .transform((t) => t || null),
    loketAdvies: z
      .string()
      .trim()
      .max(200)
      .nullish()
      .transform((t) => t || null),
  })
  .refine((v) => v.uitkomst !== 'DOORGESTUURD' || v.loketAdvies, {
    message: 'noem het meldpunt waarnaar is doorgestuurd',
    path: ['loketAdvies'],
  });

/**
 * Close with an uitkomst. Toegeleid and geen vervolg need a beoordeling first (the handreiking's
 * order); "niet in behandeling" has its own action, because the protocol requires its mail.
 */
export async function closeMelding(o: TActing & z.input<typeof ZCloseMelding>) {
  const input = ZCloseMelding.parse(o);
  return changeMelding({
    ...o,
    meldingId: input.meldingId,
    action: 'melding.afgerond',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'],
    conflict: 'Deze melding is al afgerond',
    apply: async (_tx, m) => {
      if (input.uitkomst !== 'DOORGESTUURD' && !m.firstAssessedAt)
        throw new AppError('conflict', 'Beoordeel de melding voordat u haar afrondt');
      return {
        data: {
          uitkomst: input.uitkomst,
          uitkomstToelichting: input.toelichting,
          loketAdvies: input.loketAdvies,
          closedAt: new Date(),
        },
        to: 'AFGEROND',
        reason: input.toelichting,
        details: { uitkomst: input.uitkomst },
      };
    },
  });
}
