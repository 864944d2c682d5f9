'use server';

import { registerMeldingByHand, ZHandMelding } from '@/lib/melding/register-melding-by-hand';
import type { z } from 'zod';
import { serverAction, type TActionContext } from '@/lib/web/server-action';

export const registerByHandAction = serverAction({
  name: 'melding.register_by_hand',
  roles: ['MEDEWERKER'],
  input: ZHandMelding,
  run: ({ db, actor }: TActionContext, input: z.infer<typeof ZHandMelding>) =>
    registerMeldingByHand({ db, actor, input }),
  success: (out: { meldingId: string; kenmerk: string }) => `Melding ${out.kenmerk} geregistreerd`,
  revalidate: () => ['/meldingen'],
  data: (out: { meldingId: string; kenmerk: string }) => ({ meldingId: out.meldingId, kenmerk: out.kenmerk }),
});
