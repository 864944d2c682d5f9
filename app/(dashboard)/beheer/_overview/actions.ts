'use server';

import { sendAdreslijstMelding, ZSendAdreslijstMelding } from '@/lib/werkgebied/send-adreslijst-melding';
import { serverAction } from '@/lib/web/server-action';

export const adreslijstAction = serverAction({
  name: 'adressenlijst.melden',
  roles: ['BEHEERDER'],
  input: ZSendAdreslijstMelding,
  success: (_out, input) =>
    input.send === 'versturen'
      ? 'De melding aan de landelijke adressenlijst staat klaar om te worden verzonden.'
      : 'Afgehandeld zonder mail.',
  revalidate: () => ['/beheer'],
  run: ({ db, actor }, input) => sendAdreslijstMelding({ db, actor, send: input.send }),
});
