import 'server-only';
import { z } from 'zod';
import { changeMelding } from './change-melding';
import type { TActing } from './melding-scope';

export const ZAddNote = z.object({
  meldingId: z.string(),
  text: z.string().trim().min(1, 'de notitie is leeg').max(10_000),
});

/** An internal note on the melding's timeline (never sent anywhere); also on closed meldingen. */
export async function addNote(opts: TActing & z.input<typeof ZAddNote>) {
  const input = ZAddNote.parse(opts);
  return changeMelding({
    ...opts,
    meldingId: input.meldingId,
    action: 'melding.notitie',
    from: ['ONTVANGEN', 'IN_BEHANDELING', 'AANVULLING_GEVRAAGD', 'AFGEROND'],
    conflict: 'Bij deze melding kan geen notitie meer worden gemaakt',
    apply: async (tx, m) => {
      const note = await tx.note.create({
        data: { meldingId: m.id, authorId: opts.user.id, text: input.text },
        select: { id: true },
      });
      return { details: { noteId: note.id } };
    },
  });
}
