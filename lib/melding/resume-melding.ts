import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import type { TActing } from './melding-scope';

export const ZResumeMelding = z.object({ meldingId: z.string() });

/** Back to IN_BEHANDELING after an aanvulling: the reply came in, or staff continue without it. */
export async function resumeMelding(opts: TActing & z.input<typeof ZResumeMelding>) {
  const input = ZResumeMelding.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.hervat',
    from: ['AANVULLING_GEVRAAGD'],
    conflict: 'Deze melding wacht niet op een aanvulling',
    apply: async () => ({ to: 'IN_BEHANDELING', reason: 'Behandeling hervat' }),
  });
}
