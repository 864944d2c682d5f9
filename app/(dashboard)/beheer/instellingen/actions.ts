'use server';

import { z } from 'zod';
import { ZSettings } from '@/lib/settings/settings';
import { updateSettings } from '@/lib/settings/update-settings';
import { numberField, withCheckboxes } from '@/lib/web/form-values';
import { serverAction } from '@/lib/web/server-action';

export const updateSettingsAction = serverAction({
  name: 'settings.update',
  roles: ['BEHEERDER'],
  revalidate: () => ['/beheer/instellingen'],
  input: withCheckboxes(
    ['statistiekenVoorMedewerkers'],
    z.object({
      meldpuntNaam: ZSettings.shape.meldpuntNaam,
      meldpuntTelefoon: ZSettings.shape.meldpuntTelefoon,
      werkdagenBeoordeling: numberField(ZSettings.shape.werkdagenBeoordeling),
      herinneringWerkdagen: numberField(ZSettings.shape.herinneringWerkdagen),
      adressenlijstEmail: ZSettings.shape.adressenlijstEmail,
      syncAlarmMinuten: numberField(ZSettings.shape.syncAlarmMinuten),
      outboxAchterstandMinuten: numberField(ZSettings.shape.outboxAchterstandMinuten),
      werkvoorraadUren: numberField(ZSettings.shape.werkvoorraadUren),
      backupBewaarAantal: numberField(ZSettings.shape.backupBewaarAantal),
      statistiekenVoorMedewerkers: ZSettings.shape.statistiekenVoorMedewerkers,
    }),
  ),
  success: 'Instellingen opgeslagen',
  run: ({ db, actor }, input) => updateSettings({ db, actor, input }),
});
