'use server';

import { updateMailTemplate } from '@/lib/settings/update-mail-template';
import type { TAdminState } from '../_shared/action-state';
import { field, runAdminAction } from '../_shared/run-admin-action';

export async function updateTemplateAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction('/beheer/sjablonen', 'Sjabloon opgeslagen', ({ db, actor }) =>
    updateMailTemplate({
      db,
      actor,
      input: {
        kind: field(form, 'kind') as 'AANVULLING',
        subject: field(form, 'subject'),
        body: field(form, 'body'),
      },
    }),
  );
}
