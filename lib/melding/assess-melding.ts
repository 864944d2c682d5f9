import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import type { TActing } from './melding-scope';
import { inListOrder, unknownSoorten, ZSoorten } from './soort-melding';
import { getSettings } from '../settings/get-settings';
import { AppError } from '../errors';

export const ZAssessMelding = z.object({
  meldingId: z.string(),
  uitkomst: z.enum(['GEEN_REDEN', 'NADER_ONDERZOEK', 'DIRECT_OPVOLGEN'], { message: 'kies een beoordeling' }),
  prioriteit: z.enum(['LAAG', 'NORMAAL', 'HOOG'], { message: 'kies een prioriteit' }),
  reden: z.string().trim().min(5, 'geef een reden (minstens 5 tekens)').max(4000),
  soorten: ZSoorten,
});

/**
 * The beoordeling after the KING handreiking, with priority, a required reason and the soorten
 * melding (for statistics; the latest beoordeling's count). The first one marks the melding
 * assessed (the overdue clock stops); an unassigned melding goes to the assessor. A soort must be on
 * the beheerder's list, unless the melding already has it (a soort taken off the list stays).
 */
export async function assessMelding(opts: TActing & z.input<typeof ZAssessMelding>) {
  const input = ZAssessMelding.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.beoordeeld',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'],
    conflict: 'Een afgeronde melding kan niet meer worden beoordeeld',
    apply: async (tx, m) => {
      const { soortenMelding } = await getSettings({ db: tx });
      const unknown = unknownSoorten({ chosen: input.soorten, list: soortenMelding, kept: m.soorten });
      if (unknown.length) throw new AppError('validation', `Onbekende soort melding: ${unknown.join(', ')}`);
      const soorten = inListOrder(input.soorten, soortenMelding);
      const b = await tx.beoordeling.create({
        data: {
          meldingId: m.id,
          authorId: opts.user.id,
          uitkomst: input.uitkomst,
          prioriteit: input.prioriteit,
          reden: input.reden,
          soorten,
        },
        select: { id: true },
      });
      return {
        data: {
          firstAssessedAt: m.firstAssessedAt ?? new Date(),
          assigneeId: m.assigneeId ?? opts.user.id,
          beoordeling: input.uitkomst,
          prioriteit: input.prioriteit,
          soorten,
        },
        to: m.status === 'ONTVANGEN' ? 'IN_BEHANDELING' : undefined,
        details: {
          beoordelingId: b.id,
          uitkomst: input.uitkomst,
          prioriteit: input.prioriteit,
          soorten: soorten.join(','),
        },
      };
    },
  });
}
