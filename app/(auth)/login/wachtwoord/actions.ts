'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getSessionState } from '@/lib/auth/current-user';
import { auditActor } from '@/lib/auth/require-user';
import { getDb } from '@/lib/db/client';
import { changePassword } from '@/lib/auth/change-password';
import { HOME_PATH } from '@/lib/auth/home-path';

export type TPasswordState = { error?: string };

const ZForm = z.object({
  current: z.string().max(200),
  next: z.string().max(400),
  repeat: z.string().max(400),
});

export async function changePasswordAction(_prev: TPasswordState, form: FormData): Promise<TPasswordState> {
  const state = await getSessionState();
  if (state?.stage !== 'change-password' && state?.stage !== 'ready')
    return { error: 'Uw sessie is verlopen. Log opnieuw in.' };
  const input = ZForm.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: 'Vul alle velden in.' };
  if (input.data.next !== input.data.repeat)
    return { error: 'De twee nieuwe wachtwoorden zijn niet gelijk.' };
  const result = await changePassword({
    db: getDb(),
    sessionId: state.user.sessionId,
    current: input.data.current,
    next: input.data.next,
    actor: await auditActor(state.user),
  });
  if (!result.ok) return { error: result.message };
  // Straight to the role's own page: via `/` the browser showed an empty page between two redirects.
  redirect(HOME_PATH[state.user.role]);
}
