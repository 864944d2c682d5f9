import 'server-only';
import { readFile } from 'node:fs/promises';
import type { TDb } from '../db/client';
import { getEnv } from '../env';
import { getSettings } from '../settings/get-settings';

export type THuisstijl = {
  /** The product name in the page header and on the sign-in pages. */
  naam: string;
  brandColour: string | null;
  /** Where the logo is served, or null without one. */
  logoHref: string | null;
  tokenCss: string | null;
};

export const LOGO_PATH = '/huisstijl/logo';
const DEFAULT_NAME = 'meldpost';

/**
 * The huisstijl in force: the beheerder's settings first, then the environment, then meldpost's
 * own. Public (the sign-in pages use it too): it holds nothing but a name, colours and a logo.
 */
export async function getHuisstijl(opts: { db: TDb }): Promise<THuisstijl> {
  const env = getEnv();
  const settings = await getSettings({ db: opts.db });
  return {
    naam: settings.huisstijlNaam || env.MELDPOST_HUISSTIJL_NAAM || DEFAULT_NAME,
    brandColour: settings.huisstijlKleur || env.MELDPOST_HUISSTIJL_KLEUR || null,
    logoHref: env.MELDPOST_HUISSTIJL_LOGO ? LOGO_PATH : null,
    tokenCss: env.MELDPOST_HUISSTIJL_CSS ? await readFile(env.MELDPOST_HUISSTIJL_CSS, 'utf8') : null,
  };
}
