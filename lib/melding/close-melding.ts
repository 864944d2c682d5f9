import 'server-only';
import { z } from 'zod';
import { AppError } from '../errors';
import { queueOfficerMail } from '../outbox/queue-officer-mail';
import { getMailTemplate } from '../settings/get-mail-template';
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

export const ZCloseMelding = z
  .object({
    meldingId: z.string(),
    uitkomst: z.enum(['TOEGELEID', 'GEEN_VERVOLG', 'DOORGESTUURD'], { message: 'kies een uitkomst' }),
    toelichting: optionalText(4000),
    loketAdvies: optionalText(200),
    /** Terugkoppeling to the officer (handreiking §3.8): opt-in per melding. */
    sendTerugkoppeling: z.boolean().default(false),
    terugkoppelingBody: z.string().trim().max(20_000).optional(),
  })
  .refine((v) => v.uitkomst !== 'DOORGESTUURD' || v.loketAdvies, {
    message: 'noem het meldpunt waarnaar is doorgestuurd',
    path: ['loketAdvies'],
  })
  .refine((v) => !v.sendTerugkoppeling || v.uitkomst !== 'DOORGESTUURD', {
    message: 'een terugkoppeling hoort bij toegeleid naar zorg of geen vervolg',
    path: ['sendTerugkoppeling'],
  })
  .refine((v) => !v.sendTerugkoppeling || (v.terugkoppelingBody?.length ?? 0) >= 10, {
    message: 'de tekst van de terugkoppeling is te kort',
    path: ['terugkoppelingBody'],
  });

/**
 * Close with an uitkomst. Toegeleid and geen vervolg need a beoordeling first (the handreiking's
 * order), and may send the terugkoppeling to the officer (template text as staff edited it);
 * "niet in behandeling" has its own action.
 */
export async function closeMelding(opts: TActing & z.input<typeof ZCloseMelding>) {
  const input = ZCloseMelding.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.afgerond',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'],
    conflict: 'Deze melding is al afgerond',
    apply: async (tx, m) => {
      if (input.uitkomst !== 'DOORGESTUURD' && !m.firstAssessedAt)
        throw new AppError('conflict', 'Beoordeel de melding voordat u haar afrondt');
      const terugkoppelingId = input.sendTerugkoppeling
        ? await queueOfficerMail(tx, {
            melding: m,
            kind: 'TERUGKOPPELING',
            subject: (await getMailTemplate({ db: tx, kind: 'TERUGKOPPELING' })).subject,
            body: input.terugkoppelingBody!,
            values: await mailValues(tx, m),
            userId: opts.user.id,
          })
        : null;
      return {
        data: {
          uitkomst: input.uitkomst,
          uitkomstToelichting: input.toelichting,
          loketAdvies: input.loketAdvies,
          closedAt: new Date(),
        },
        to: 'AFGEROND',
        reason: input.toelichting,
        details: { uitkomst: input.uitkomst, terugkoppelingId },
      };
    },
  });
}
