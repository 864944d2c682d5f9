'use server';

import { z } from 'zod';
import { changePassword } from '@/lib/auth/change-password';
import { HOME_PATH } from '@/lib/auth/home-path';
import { AppError } from '@/lib/errors';
import { serverAction } from '@/lib/web/server-action';

const INCOMPLETE = 'Vul alle velden in.';

/** The field names contain "password", so the typed values never travel back after a failure. */
const ZPasswordForm = z
  .object({
    currentPassword: z.string().max(200),
    newPassword: z.string().max(400),
    repeatPassword: z.string().max(400),
  })
  .nullable()
  .catch(null);

export const changePasswordAction = serverAction({
  name: 'auth.change-password',
  stages: ['change-password', 'ready'],
  input: ZPasswordForm,
  run: async ({ db, user, actor }, input) => {
    if (!input) throw new AppError('validation', INCOMPLETE);
    if (input.newPassword !== input.repeatPassword)
      throw new AppError('validation', 'De twee nieuwe wachtwoorden zijn niet gelijk.');
    const result = await changePassword({
      db,
      sessionId: user.sessionId,
      current: input.currentPassword,
      next: input.newPassword,
      actor,
    });
    if (!result.ok) throw new AppError('validation', result.message);
    return user.role;
  },
  success: 'Wachtwoord opgeslagen',
  // Straight to the role's own page: via `/` the browser showed an empty page between two redirects.
  redirect: (role) => HOME_PATH[role],
});
