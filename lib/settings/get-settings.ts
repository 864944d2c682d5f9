import 'server-only';
import type { TDb, TTx } from '../db/client';
import { settingsFromRows, type TSettings } from './settings';

/** The meldpunt's current settings (defaults for what the beheerder never set). */
export async function getSettings(o: { db: TDb | TTx }): Promise<TSettings> {
  return settingsFromRows(await o.db.setting.findMany({ select: { key: true, value: true } }));
}
