'use server';

import { addAnderMeldpunt } from '@/lib/werkgebied/add-ander-meldpunt';
import { removeAnderMeldpunt } from '@/lib/werkgebied/remove-ander-meldpunt';
import { setWerkgebied } from '@/lib/werkgebied/set-werkgebied';
import type { TAdminState } from '../_shared/action-state';
import { field, runAdminAction } from '../_shared/run-admin-action';
import { werkgebiedFrom } from './form-input';

const PATH = '/beheer/werkgebied';

export async function setWerkgebiedAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction(
    PATH,
    'Werkgebied opgeslagen. Het geldt voor meldingen die vanaf nu binnenkomen.',
    async ({ db, actor }) => {
      await setWerkgebied({
        db,
        actor,
        werkgebied: werkgebiedFrom(field(form, 'gemeenten'), field(form, 'postcodes')),
      });
    },
  );
}

export async function addAnderMeldpuntAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction(PATH, 'Meldpunt toegevoegd', async ({ db, actor }) => {
    await addAnderMeldpunt({ db, actor, naam: field(form, 'naam'), email: field(form, 'email') });
  });
}

export async function removeAnderMeldpuntAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction(PATH, 'Meldpunt verwijderd', ({ db, actor }) =>
    removeAnderMeldpunt({ db, actor, id: field(form, 'id') }),
  );
}
