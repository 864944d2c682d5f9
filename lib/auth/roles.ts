import type { Role } from '../db/generated/enums';

export const ROLES = ['MEDEWERKER', 'COORDINATOR', 'BEHEERDER'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  MEDEWERKER: 'Medewerker',
  COORDINATOR: 'Coördinator',
  BEHEERDER: 'Beheerder',
};

/** Parses the lower-case role names operators type (`medewerker|coordinator|beheerder`). */
export function parseRole(input: string): Role | null {
  const up = input.trim().toUpperCase().replace('Ö', 'O');
  return (ROLES as readonly string[]).includes(up) ? (up as Role) : null;
}
