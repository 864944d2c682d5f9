import type { Role } from '../db/generated/enums';

/** Where each role starts: its own area of the dashboard. */
export const HOME_PATH: Record<Role, string> = {
  MEDEWERKER: '/meldingen',
  COORDINATOR: '/statistieken',
  BEHEERDER: '/beheer',
};
