import 'server-only';
import type { TDb, TTx } from '../db/client';
import type { TMeldformulier } from '../form/schema';
import { initialenOf, type TTemplateValues } from '../mail/default-templates';
import { getSettings } from '../settings/get-settings';
import { applyCorrections, type TCorrection } from './form-fields';

export type TMailValueMelding = {
  kenmerk: string;
  formulier: unknown;
  corrections: unknown;
  voornamen: string | null;
  voorvoegsel: string | null;
  achternaam: string | null;
};

/**
 * The placeholder values of a mail about a melding: from the form (as corrected), the meldpunt's
 * settings, and what staff typed with the action (`typed`: reden, loket, afstemming). A value that
 * is empty stays out, so the draft keeps its `{placeholder}` and the final rendering refuses it.
 */
export async function mailValues(
  db: TDb | TTx,
  m: TMailValueMelding,
  typed: Partial<Pick<TTemplateValues, 'reden' | 'loket' | 'afstemming'>> = {},
): Promise<Partial<TTemplateValues>> {
  const settings = await getSettings({ db });
  const form = m.formulier
    ? applyCorrections(m.formulier as TMeldformulier, m.corrections as TCorrection[])
    : null;
  return {
    kenmerk: m.kenmerk,
    initialen: initialenOf(m) || 'de betrokkene',
    behandelaar: form?.behandelaar.naam?.trim() || 'heer/mevrouw',
    meldpuntNaam: settings.meldpuntNaam,
    meldpuntTelefoon: settings.meldpuntTelefoon,
    ...typed,
  };
}
