'use server';

import { registerMeldingByHand, ZHandMelding } from '@/lib/melding/register-melding-by-hand';
import { serverAction } from '@/lib/web/server-action';

export const registerByHandAction = serverAction({
  name: 'melding.register_by_hand',
  roles: ['MEDEWERKER'],
  input: ZHandMelding,
  success: (out: { meldingId: string; kenmerk: string }) => `Melding ${out.kenmerk} geregistreerd`,
  revalidate: () => ['/meldingen'],
  data: (out: { meldingId: string; kenmerk: string }) => ({ meldingId: out.meldingId, kenmerk: out.kenmerk }),
  run: ({ db, actor }, input) => registerMeldingByHand({ db, actor, input }),
});
