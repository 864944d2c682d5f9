'use server';

import { z } from 'zod';
import { addAnderMeldpunt, ZAnderMeldpunt } from '@/lib/werkgebied/add-ander-meldpunt';
import { removeAnderMeldpunt } from '@/lib/werkgebied/remove-ander-meldpunt';
import { setWerkgebied } from '@/lib/werkgebied/set-werkgebied';
import { serverAction } from '@/lib/web/server-action';
import { werkgebiedFrom } from './form-input';

const ADMIN = { roles: ['BEHEERDER'], revalidate: () => ['/beheer/werkgebied'] } as const;

export const setWerkgebiedAction = serverAction({
  ...ADMIN,
  name: 'werkgebied.set',
  input: z.object({ gemeenten: z.string(), postcodes: z.string() }),
  success: 'Werkgebied opgeslagen. Het geldt voor meldingen die vanaf nu binnenkomen.',
  run: ({ db, actor }, input) =>
    setWerkgebied({ db, actor, werkgebied: werkgebiedFrom(input.gemeenten, input.postcodes) }),
});

export const addAnderMeldpuntAction = serverAction({
  ...ADMIN,
  name: 'werkgebied.add-meldpunt',
  input: ZAnderMeldpunt,
  success: 'Meldpunt toegevoegd',
  run: ({ db, actor }, input) => addAnderMeldpunt({ db, actor, ...input }),
});

export const removeAnderMeldpuntAction = serverAction({
  ...ADMIN,
  name: 'werkgebied.remove-meldpunt',
  input: z.object({ id: z.string() }),
  success: 'Meldpunt verwijderd',
  run: ({ db, actor }, input) => removeAnderMeldpunt({ db, actor, ...input }),
});
