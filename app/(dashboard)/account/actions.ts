'use server';

import { z } from 'zod';
import { endAllSessions } from '@/lib/auth/end-all-sessions';
import { formAction } from '@/lib/web/server-action';

/** Ends every session of the signed-in user, this one included: back to the login page. */
export const endAllSessionsAction = formAction({
  name: 'auth.end-all-sessions',
  input: z.object({}),
  run: ({ db, user, actor }) => endAllSessions({ db, userId: user.id, actor }),
  redirect: () => '/login',
});
