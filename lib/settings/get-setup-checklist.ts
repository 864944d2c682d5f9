import 'server-only';
import type { TDb } from '../db/client';
import { getWerkgebied } from '../werkgebied/get-werkgebied';
import { getSettings } from './get-settings';

export type TSetupItem = { key: string; label: string; ok: boolean; href: string };

/**
 * What a meldpunt must have set before its mail to the police is complete: its name and phone
 * number (every mail to the officer carries them; sending is refused while one is empty), its
 * werkgebied, and an active mailbox with a signal recipient and a sender address.
 */
export async function getSetupChecklist(opts: { db: TDb }): Promise<TSetupItem[]> {
  const [settings, named, werkgebied, mailboxes] = await Promise.all([
    getSettings({ db: opts.db }),
    opts.db.setting.count({ where: { key: 'meldpuntNaam' } }),
    getWerkgebied({ db: opts.db }),
    opts.db.mailbox.findMany({
      where: { active: true },
      select: { signalRecipient: true, fromAddress: true },
    }),
  ]);
  return [
    { key: 'naam', label: 'Naam van het meldpunt ingesteld', ok: named > 0, href: '/beheer/instellingen' },
    {
      key: 'telefoon',
      label: 'Telefoonnummer van het meldpunt ingesteld',
      ok: settings.meldpuntTelefoon !== '',
      href: '/beheer/instellingen',
    },
    {
      key: 'werkgebied',
      label: 'Werkgebied (gemeenten of postcodes) ingesteld',
      ok: werkgebied.gemeenten.length + werkgebied.postcodes.length > 0,
      href: '/beheer/werkgebied',
    },
    { key: 'mailbox', label: 'Een actieve mailbox', ok: mailboxes.length > 0, href: '/beheer/mailboxen' },
    {
      key: 'signaal',
      label: 'Ontvanger van de signalen en afzenderadres bij elke actieve mailbox',
      ok: mailboxes.length > 0 && mailboxes.every((m) => m.signalRecipient && m.fromAddress),
      href: '/beheer/mailboxen',
    },
  ];
}
