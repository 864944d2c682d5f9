'use server';

import { parseRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { inviteUser } from '@/lib/users/invite-user';
import { resetUserMfa } from '@/lib/users/reset-user-mfa';
import { setUserActive } from '@/lib/users/set-user-active';
import { setUserRole } from '@/lib/users/set-user-role';
import type { TAdminState } from '../_shared/action-state';
import { field, runAdminAction } from '../_shared/run-admin-action';

const PATH = '/beheer/gebruikers';

function roleFrom(form: FormData) {
  const role = parseRole(field(form, 'role'));
  if (!role) throw new AppError('validation', 'Kies een rol');
  return role;
}

export async function inviteUserAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction(PATH, 'Gebruiker aangemaakt', async ({ db, actor }) => {
    const u = await inviteUser({
      db,
      actor,
      email: field(form, 'email'),
      role: roleFrom(form),
      name: field(form, 'name').trim() || undefined,
    });
    return { email: u.email, password: u.password };
  });
}

export async function setRoleAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction(PATH, 'Rol gewijzigd; de gebruiker moet opnieuw inloggen', async ({ db, actor }) =>
    setUserRole({ db, actor, userId: field(form, 'userId'), role: roleFrom(form) }),
  );
}

export async function resetMfaAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  return runAdminAction(
    PATH,
    'Tweede factor gewist; bij de volgende keer inloggen stelt de gebruiker een nieuwe in',
    ({ db, actor }) => resetUserMfa({ db, actor, userId: field(form, 'userId') }),
  );
}

export async function setActiveAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  const active = field(form, 'active') === 'true';
  return runAdminAction(
    PATH,
    active ? 'Gebruiker weer actief' : 'Gebruiker gedeactiveerd; alle sessies zijn beëindigd',
    ({ db, actor }) => setUserActive({ db, actor, userId: field(form, 'userId'), active }),
  );
}
