'use server';

import { z } from 'zod';
import { updateSoortenMelding } from '@/lib/settings/update-soorten-melding';
import { serverAction } from '@/lib/web/server-action';

/** The list of soorten melding offered at the beoordeling, one per line. */
export const updateSoortenMeldingAction = serverAction({
  name: 'instellingen.soorten',
  roles: ['BEHEERDER'],
  input: z.object({ soortenMelding: z.string().max(10_000) }),
  run: ({ db, actor }, input) => updateSoortenMelding({ db, actor, lines: input.soortenMelding }),
  success: 'Soorten melding opgeslagen',
  revalidate: () => ['/beheer/instellingen'],
});
