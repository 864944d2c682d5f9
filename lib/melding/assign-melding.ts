import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import { AppError } from '../errors';
import type { TActing } from './melding-scope';

export const ZAssignMelding = z.object({ meldingId: z.string(), assigneeId: z.uuid().nullable() });

/** Claim (assign to oneself), assign to a colleague or release. Claiming a new melding starts its handling. */
export async function assignMelding(opts: TActing & z.input<typeof ZAssignMelding>) {
  const input = ZAssignMelding.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.toegewezen',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD'],
    conflict: 'Een afgeronde melding kan niet meer worden toegewezen',
    apply: async (tx, m) => {
      if (input.assigneeId) {
        const colleague = await tx.user.count({
          where: { id: input.assigneeId, role: 'MEDEWERKER', active: true },
        });
        if (!colleague) throw new AppError('validation', 'Kies een actieve medewerker');
      }
      const starts = input.assigneeId !== null && m.status === 'ONTVANGEN';
      return {
        data: { assigneeId: input.assigneeId },
        to: starts ? ('IN_BEHANDELING' as const) : undefined,
        details: { assigneeId: input.assigneeId },
      };
    },
  });
}
