import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { soortenFromLines } from '../melding/soort-melding';
import { getSettings } from './get-settings';
import { updateSettings } from './update-settings';

/**
 * The beheerder's list of soorten melding, one label per line. Known labels keep their key, so
 * meldingen and statistics keep counting them; a removed soort stays as inactive (see soortenFromLines).
 */
export async function updateSoortenMelding(opts: { db: TDb; actor: TAuditActor; lines: string }) {
  const { soortenMelding } = await getSettings({ db: opts.db });
  const next = soortenFromLines({ text: opts.lines, current: soortenMelding });
  await updateSettings({ db: opts.db, actor: opts.actor, input: { soortenMelding: next } });
}
