import type { Role } from '../db/generated/enums';
import type { TSettings } from '../settings/settings';

/** Coordinators and beheerders read the statistics; medewerkers only when the setting allows it. */
export function mayReadStatistieken(
  role: Role,
  settings: Pick<TSettings, 'statistiekenVoorMedewerkers'>,
): boolean {
  return (
    role === 'COORDINATOR' ||
    role === 'BEHEERDER' ||
    (role === 'MEDEWERKER' && settings.statistiekenVoorMedewerkers)
  );
}
