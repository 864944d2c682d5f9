import 'server-only';
import type { TDb, TTx } from '../db/client';
import { settingsFromRows, type TSettings } from './settings';

/** The meldpunt's current settings (defaults for what the beheerder never set). */
export async function getSettings(opts: { db: TDb | TTx }): Promise<TSettings> {
  return settingsFromRows(await opts.db.setting.findMany({ select: { key: true, value: true } }));
}
