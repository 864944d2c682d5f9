'use server';

import { z } from 'zod';
import { changePassword } from '@/lib/auth/change-password';
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
  success: 'Wachtwoord opgeslagen',
  redirect: () => '/',
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
  },
});
