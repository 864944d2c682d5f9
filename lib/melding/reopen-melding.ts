import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import type { TActing } from './melding-scope';

export const ZReopenMelding = z.object({
  meldingId: z.string(),
  reden: z.string().trim().min(5, 'geef de reden om te heropenen (minstens 5 tekens)').max(4000),
});

/**
 * Reopen a closed melding (e.g. new information after closing): back in behandeling, the uitkomst
 * cleared, the reason in the status history and the audit log. An anonymised melding stays closed.
 */
export async function reopenMelding(opts: TActing & z.input<typeof ZReopenMelding>) {
  const input = ZReopenMelding.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.heropend',
    from: ['AFGEROND'],
    conflict: 'Alleen een afgeronde melding kan worden heropend',
    apply: async (_tx, m) => ({
      data: {
        uitkomst: null,
        uitkomstToelichting: null,
        loketAdvies: null,
        closedAt: null,
        assigneeId: m.assigneeId ?? opts.user.id,
      },
      to: 'IN_BEHANDELING',
      reason: input.reden,
      details: { heropend: true },
    }),
  });
}
