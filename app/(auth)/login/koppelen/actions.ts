'use server';

import { z } from 'zod';
import { getSessionState } from '@/lib/auth/current-user';
import { LOGIN_MESSAGES } from '@/lib/auth/login-throttle';
import { requestOrigin } from '@/lib/auth/require-user';
import { getDb } from '@/lib/db/client';
import { confirmTotpEnrolment } from '@/lib/auth/confirm-totp-enrolment';

export type TEnrolState = { error?: string; recoveryCodes?: string[] };

export async function confirmEnrolmentAction(_prev: TEnrolState, form: FormData): Promise<TEnrolState> {
  const state = await getSessionState();
  if (state?.stage !== 'enrol') return { error: 'Uw sessie is verlopen. Log opnieuw in.' };
  const code = z.string().trim().max(20).safeParse(form.get('code'));
  if (!code.success) return { error: LOGIN_MESSAGES.code };
  const result = await confirmTotpEnrolment({
    db: getDb(),
    sessionId: state.user.sessionId,
    code: code.data,
    ...(await requestOrigin()),
  });
  if (result.ok) return { recoveryCodes: result.recoveryCodes };
  return {
    error:
      result.reason === 'locked'
        ? LOGIN_MESSAGES.locked
        : result.reason === 'no_session'
          ? 'Uw sessie is verlopen. Log opnieuw in.'
          : LOGIN_MESSAGES.code,
  };
}
