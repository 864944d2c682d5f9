'use server';

import { updateMailTemplate, ZMailTemplateInput } from '@/lib/settings/update-mail-template';
import { serverAction } from '@/lib/web/server-action';

export const updateTemplateAction = serverAction({
  name: 'settings.update-template',
  roles: ['BEHEERDER'],
  revalidate: () => ['/beheer/sjablonen'],
  input: ZMailTemplateInput,
  success: 'Sjabloon opgeslagen',
  run: ({ db, actor }, input) => updateMailTemplate({ db, actor, input }),
});
