'use server';

import { z } from 'zod';
import { updateSettings } from '@/lib/settings/update-settings';
import { serverAction } from '@/lib/web/server-action';

/** The huisstijl's name and brand colour (validated, also for contrast, by the settings schema). */
export const updateHuisstijlAction = serverAction({
  name: 'instellingen.huisstijl',
  roles: ['BEHEERDER'],
  input: z.object({ huisstijlNaam: z.string(), huisstijlKleur: z.string() }),
  success: 'Huisstijl opgeslagen; elke pagina toont hem vanaf nu.',
  revalidate: () => ['/', '/beheer/instellingen'],
  run: ({ db, actor }, input) => updateSettings({ db, actor, input }),
});
