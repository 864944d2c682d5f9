'use server';

import { getKeyring } from '@/lib/secrets/keyring';
import { runRetention } from '@/lib/retention/run-retention';
import { updateSettings } from '@/lib/settings/update-settings';
import type { TAdminState } from '../_shared/action-state';
import { field, runAdminAction } from '../_shared/run-admin-action';

const PATH = '/beheer/bewaartermijn';

export async function setBewaartermijnAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction(
    PATH,
    'Bewaartermijn opgeslagen. Het overzicht hieronder is bijgewerkt.',
    async ({ db, actor }) => {
      await updateSettings({
        db,
        actor,
        input: { bewaartermijnMaanden: Number(field(form, 'bewaartermijnMaanden')) },
      });
    },
  );
}

export async function runRetentionAction(): Promise<TAdminState> {
  let summary = '';
  const state = await runAdminAction(PATH, '', async ({ db, actor }) => {
    const r = await runRetention({ db, ring: getKeyring(), actor });
    summary =
      `Uitgevoerd: ${r.meldingen} melding(en) en ${r.losseBerichten} los(se) bericht(en) verwijderd, ${r.uitMailbox} bericht(en) uit de mailbox verwijderd.` +
      (r.openstaandInMailbox
        ? ` ${r.openstaandInMailbox} bericht(en) konden nog niet uit de mailbox worden verwijderd; dat wordt bij de volgende run opnieuw geprobeerd.`
        : '');
  });
  return state?.ok ? { ...state, message: summary } : state;
}
