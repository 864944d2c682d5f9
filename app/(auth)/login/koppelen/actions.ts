'use server';

import { z } from 'zod';
import { confirmTotpEnrolment } from '@/lib/auth/confirm-totp-enrolment';
import { LOGIN_MESSAGES } from '@/lib/auth/login-throttle';
import { reissueSessionCookie } from '@/lib/web/auth-options';
import { requestOrigin } from '@/lib/web/request-origin';
import { AppError } from '@/lib/errors';
import { SESSION_EXPIRED, serverAction } from '@/lib/web/server-action';

/** The ten recovery codes travel to the form once, space-separated. */
export const confirmEnrolmentAction = serverAction({
  name: 'auth.confirm-enrolment',
  stages: ['enrol'],
  // A malformed code gets the same message as a wrong one, and costs no attempt.
  input: z.object({ code: z.string().trim().max(20).nullable().catch(null) }),
  run: async ({ db, user }, input) => {
    if (input.code === null) throw new AppError('validation', LOGIN_MESSAGES.code);
    const result = await confirmTotpEnrolment({
      db,
      sessionId: user.sessionId,
      code: input.code,
      ...(await requestOrigin()),
    });
    if (result.ok) {
      // The pre-enrolment session id is revoked: the browser carries the new one from here on.
      await reissueSessionCookie(result.sessionId);
      return result.recoveryCodes;
    }
    if (result.reason === 'no_session') throw new AppError('unauthenticated', SESSION_EXPIRED);
    throw new AppError(
      'validation',
      result.reason === 'locked' ? LOGIN_MESSAGES.locked : LOGIN_MESSAGES.code,
    );
  },
  success: 'De app is gekoppeld.',
  data: (recoveryCodes) => ({ recoveryCodes: recoveryCodes.join(' ') }),
});
