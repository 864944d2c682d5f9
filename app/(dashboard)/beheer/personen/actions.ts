'use server';

import { getKeyring } from '@/lib/secrets/keyring';
import { erasePersonData } from '@/lib/retention/erase-person-data';
import { exportPersonData } from '@/lib/retention/export-person-data';
import { findPerson } from '@/lib/retention/find-person';
import type { TAdminState } from '../_shared/action-state';
import { field, runAdminAction } from '../_shared/run-admin-action';

const PATH = '/beheer/personen';

/** The form's search: a BSN, or achternaam + geboortedatum (the verbs validate either). */
function queryFrom(form: FormData) {
  return field(form, 'zoekOp') === 'naam'
    ? { achternaam: field(form, 'achternaam'), geboortedatum: field(form, 'geboortedatum') }
    : { bsn: field(form, 'bsn') };
}

export async function findPersonAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  let n = 0;
  const state = await runAdminAction(PATH, '', async ({ db, actor }) => {
    const meldingen = await findPerson({ db, actor, query: queryFrom(form) });
    n = meldingen.length;
    return {
      meldingen: JSON.stringify(
        meldingen.map((m) => ({
          id: m.id,
          kenmerk: m.kenmerk,
          receivedAt: m.receivedAt.toISOString(),
          status: m.status,
        })),
      ),
    };
  });
  return state?.ok
    ? {
        ...state,
        message: n
          ? `${n} melding(en) gevonden over deze persoon.`
          : 'Over deze persoon zijn geen meldingen opgeslagen.',
      }
    : state;
}

export async function exportPersonAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction(PATH, 'Export gemaakt; de download start.', async ({ db, actor }) => {
    const data = await exportPersonData({ db, actor, query: queryFrom(form) });
    return {
      json: JSON.stringify(data, null, 2),
      filename: `persoonsgegevens-${data.aangemaakt.slice(0, 10)}.json`,
    };
  });
}

export async function erasePersonAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  let message = '';
  const state = await runAdminAction(PATH, '', async ({ db, actor }) => {
    const r = await erasePersonData({ db, ring: getKeyring(), actor, query: queryFrom(form) });
    message =
      `${r.meldingen} melding(en) met alle bijbehorende gegevens gewist.` +
      (r.openstaandInMailbox
        ? ` ${r.openstaandInMailbox} bericht(en) konden nog niet uit de mailbox worden verwijderd; de dagelijkse bewaartermijn-run probeert het opnieuw.`
        : '');
  });
  return state?.ok ? { ...state, message } : state;
}
