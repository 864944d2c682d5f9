'use server';

import { z } from 'zod';
import { getKeyring } from '@/lib/secrets/keyring';
import { runRetention } from '@/lib/retention/run-retention';
import { ZSettings } from '@/lib/settings/settings';
import { updateSettings } from '@/lib/settings/update-settings';
import { numberField } from '@/lib/web/form-values';
import { serverAction } from '@/lib/web/server-action';

const ADMIN = { roles: ['BEHEERDER'], revalidate: () => ['/beheer/bewaartermijn'] } as const;

export const setBewaartermijnAction = serverAction({
  ...ADMIN,
  name: 'retention.set-term',
  input: z.object({ bewaartermijnMaanden: numberField(ZSettings.shape.bewaartermijnMaanden) }),
  run: ({ db, actor }, input) => updateSettings({ db, actor, input }),
  success: 'Bewaartermijn opgeslagen. Het overzicht hieronder is bijgewerkt.',
});

export const runRetentionAction = serverAction({
  ...ADMIN,
  name: 'retention.run',
  input: z.object({}),
  run: ({ db, actor }) => runRetention({ db, ring: getKeyring(), actor }),
  success: (r) =>
    `Uitgevoerd: ${r.meldingen} melding(en) en ${r.losseBerichten} los(se) bericht(en) verwijderd, ${r.uitMailbox} bericht(en) uit de mailbox verwijderd.` +
    (r.openstaandInMailbox
      ? ` ${r.openstaandInMailbox} bericht(en) konden nog niet uit de mailbox worden verwijderd; dat wordt bij de volgende run opnieuw geprobeerd.`
      : ''),
});
