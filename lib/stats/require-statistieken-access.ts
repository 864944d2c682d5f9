import 'server-only';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import type { TSettings } from '../settings/settings';
import { mayReadStatistieken } from './access';
import { AppError } from '../errors';
import { getSettings } from '../settings/get-settings';

/**
 * The statistics' access rule, checked on the server by the page, the export route and every
 * statistics verb: a role that may not read them gets "not found" (their existence is not
 * revealed). Returns the settings, which the figures need anyway.
 */
export async function requireStatistiekenAccess(opts: { db: TDb; role: Role }): Promise<TSettings> {
  const settings = await getSettings({ db: opts.db });
  if (!mayReadStatistieken(opts.role, settings)) throw new AppError('not_found', 'Pagina niet gevonden');
  return settings;
}
