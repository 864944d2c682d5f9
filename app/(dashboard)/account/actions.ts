'use server';

import { z } from 'zod';
import { endAllSessions } from '@/lib/auth/end-all-sessions';
import { setMailNotifications, ZSetMailNotifications } from '@/lib/users/set-mail-notifications';
import { formAction, serverAction } from '@/lib/web/server-action';

/** Ends every session of the signed-in user, this one included: back to the login page. */
export const endAllSessionsAction = formAction({
  name: 'auth.end-all-sessions',
  input: z.object({}),
  run: ({ db, user, actor }) => endAllSessions({ db, userId: user.id, actor }),
  redirect: () => '/login',
});

/** The user's own e-mail notifications on or off (audited in the verb). */
export const mailNotificationsAction = serverAction({
  name: 'user.mail-notifications',
  roles: ['MEDEWERKER', 'BEHEERDER'],
  input: ZSetMailNotifications,
  run: ({ db, user, actor }, input) =>
    setMailNotifications({ db, actor, userId: user.id, enabled: input.meldingenPerMail }),
  success: (_out, input) =>
    input.meldingenPerMail ? 'Meldingen per e-mail staan aan' : 'Meldingen per e-mail staan uit',
  revalidate: () => ['/account'],
});
