'use server';

import { updateSettings } from '@/lib/settings/update-settings';
import type { TAdminState } from '../_shared/action-state';
import { field, runAdminAction } from '../_shared/run-admin-action';

export async function updateSettingsAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction('/beheer/instellingen', 'Instellingen opgeslagen', ({ db, actor }) =>
    updateSettings({
      db,
      actor,
      input: {
        meldpuntNaam: field(form, 'meldpuntNaam'),
        meldpuntTelefoon: field(form, 'meldpuntTelefoon'),
        werkdagenBeoordeling: Number(field(form, 'werkdagenBeoordeling')),
        herinneringWerkdagen: Number(field(form, 'herinneringWerkdagen')),
        adressenlijstEmail: field(form, 'adressenlijstEmail'),
        syncAlarmMinuten: Number(field(form, 'syncAlarmMinuten')),
        outboxAchterstandMinuten: Number(field(form, 'outboxAchterstandMinuten')),
        werkvoorraadUren: Number(field(form, 'werkvoorraadUren')),
        backupBewaarAantal: Number(field(form, 'backupBewaarAantal')),
        statistiekenVoorMedewerkers: form.get('statistiekenVoorMedewerkers') === 'on',
      },
    }),
  );
}
