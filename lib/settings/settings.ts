/**
 * Settings the beheerder changes in the dashboard, stored one row per key in `Setting` and
 * validated here; a missing or invalid stored value falls back to its default.
 */
import { z } from 'zod';
import { brandColourProblem } from '../theme/theme-css';
import { DEFAULT_SOORTEN_MELDING, ZSoortenMelding } from '../melding/soort-melding';

export const ZSettings = z.object({
  /** The meldpunt's name and phone number, used in mail templates. */
  meldpuntNaam: z.string().trim().min(1).max(200).default('Meldpunt niet-acute zorg'),
  meldpuntTelefoon: z.string().trim().max(50).default(''),
  /** Werkdagen after receipt before an unassessed melding is overdue: the meldpunt's own deadline. */
  werkdagenBeoordeling: z.number().int().min(1).max(20).default(2),
  /** Werkdagen without an answer to a verzoek om aanvulling before it shows "herinnering nodig". */
  herinneringWerkdagen: z.number().int().min(1).max(20).default(2),
  /**
   * Where changes of the delivery address or werkgebied are reported (protocol Bijlage B: the
   * landelijke adressenlijst); the protocol's address unless the beheerder sets another.
   */
  adressenlijstEmail: z.email().default('meldpuntzorgwekkendgedrag@jblorenz.nl'),
  /** Months after closing before the retention job removes a melding's personal data. */
  bewaartermijnMaanden: z.number().int().min(1).max(120).default(12),
  /** Minutes without a successful sync before a mailbox shows an alert. */
  syncAlarmMinuten: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** Health says "degraded" when a queued mail has waited longer than this many minutes. */
  outboxAchterstandMinuten: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Health says "degraded" when a parked or failing message has waited longer than this many hours. */
  werkvoorraadUren: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24),
  /** Daily backups kept in the data dir (older ones are removed after a successful backup). */
  backupBewaarAantal: z.number().int().min(1).max(365).default(7),
  /** The "soort melding" categories offered at the beoordeling (inactive ones: taken off the list). */
  soortenMelding: ZSoortenMelding.default(DEFAULT_SOORTEN_MELDING),
  /** Whether medewerkers (not only coordinators) may see the statistics. */
  statistiekenVoorMedewerkers: z.boolean().default(false),
  /** Huisstijl: the name in the page header ('' = the environment's, else "meldpost"). */
  huisstijlNaam: z.string().trim().max(60).default(''),
  /** Huisstijl: brand colour #rrggbb ('' = the environment's, else the default blue). */
  huisstijlKleur: z
    .string()
    .trim()
    .refine((v) => v === '' || !brandColourProblem(v), {
      error: (i) => brandColourProblem(String(i.input)) ?? '',
    })
    .default(''),
});

export type TSettings = z.infer<typeof ZSettings>;
export type TSettingKey = keyof TSettings;

export const DEFAULT_SETTINGS: TSettings = ZSettings.parse({});

/** Settings from stored rows: each valid stored value wins over its default. */
export function settingsFromRows(rows: { key: string; value: unknown }[]): TSettings {
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const field = ZSettings.shape[row.key as TSettingKey];
    const parsed = field?.safeParse(row.value);
    if (parsed?.success) result[row.key] = parsed.data;
  }
  return result as TSettings;
}
