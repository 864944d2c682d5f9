import 'server-only';
import type { TDb } from '../db/client';
import { buildAdreswijziging } from '../mail/adreswijziging';
import { getSettings } from '../settings/get-settings';
import { getWerkgebied } from './get-werkgebied';

/**
 * The open Bijlage B changes and the notice prepared from them (recipient, subject, text), or null
 * when nothing waits. The text is built from the current settings, addresses and werkgebied.
 */
export async function getAdreslijstMelding(opts: { db: TDb }) {
  const open = await opts.db.adreslijstWijziging.findMany({
    where: { handledAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, wat: true, createdAt: true },
  });
  if (!open.length) return null;
  const [settings, werkgebied, mailboxes] = await Promise.all([
    getSettings({ db: opts.db }),
    getWerkgebied({ db: opts.db }),
    opts.db.mailbox.findMany({
      where: { active: true },
      select: { fromAddress: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  const mail = buildAdreswijziging({
    meldpuntNaam: settings.meldpuntNaam,
    meldpuntTelefoon: settings.meldpuntTelefoon,
    wijzigingen: open.map((w) => w.wat),
    afleveradressen: [...new Set(mailboxes.map((m) => m.fromAddress))],
    gemeenten: werkgebied.gemeenten,
    postcodes: werkgebied.postcodes,
  });
  return { open, recipient: settings.adressenlijstEmail, ...mail };
}
