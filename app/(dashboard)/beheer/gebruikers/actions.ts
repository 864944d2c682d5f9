'use server';

import { z } from 'zod';
import { parseRole } from '@/lib/auth/roles';
import { inviteUser } from '@/lib/users/invite-user';
import { resetUserMfa } from '@/lib/users/reset-user-mfa';
import { setUserActive } from '@/lib/users/set-user-active';
import { setUserRole } from '@/lib/users/set-user-role';
import { booleanField } from '@/lib/web/form-values';
import { serverAction } from '@/lib/web/server-action';

const ADMIN = { roles: ['BEHEERDER'], revalidate: () => ['/beheer/gebruikers'] } as const;

const ZRoleField = z.string().transform((value, ctx) => {
  const role = parseRole(value);
  if (!role) ctx.addIssue({ code: 'custom', message: 'Kies een rol' });
  return role ?? z.NEVER;
});
const ZUserId = z.object({ userId: z.string() });

export const inviteUserAction = serverAction({
  ...ADMIN,
  name: 'users.invite',
  input: z.object({
    email: z.string(),
    role: ZRoleField,
    name: z
      .string()
      .optional()
      .transform((name) => name?.trim() || undefined),
  }),
  run: ({ db, actor }, input) => inviteUser({ db, actor, ...input }),
  success: 'Gebruiker aangemaakt',
  data: (user) => ({ email: user.email, password: user.password }),
});

export const setRoleAction = serverAction({
  ...ADMIN,
  name: 'users.set-role',
  input: ZUserId.extend({ role: ZRoleField }),
  run: ({ db, actor }, input) => setUserRole({ db, actor, ...input }),
  success: 'Rol gewijzigd; de gebruiker moet opnieuw inloggen',
});

export const resetMfaAction = serverAction({
  ...ADMIN,
  name: 'users.reset-mfa',
  input: ZUserId,
  run: ({ db, actor }, input) => resetUserMfa({ db, actor, ...input }),
  success: 'Tweede factor gewist; bij de volgende keer inloggen stelt de gebruiker een nieuwe in',
});

export const setActiveAction = serverAction({
  ...ADMIN,
  name: 'users.set-active',
  input: ZUserId.extend({ active: booleanField }),
  run: ({ db, actor }, input) => setUserActive({ db, actor, ...input }),
  success: (_out, input) =>
    input.active ? 'Gebruiker weer actief' : 'Gebruiker gedeactiveerd; alle sessies zijn beëindigd',
});
