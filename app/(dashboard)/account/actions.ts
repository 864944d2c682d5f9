'use server';

import { redirect } from 'next/navigation';
import { auditActor, requireUser } from '@/lib/auth/require-user';
import { getDb } from '@/lib/db/client';
import { endAllSessions } from '@/lib/auth/end-all-sessions';

/** Ends every session of the signed-in user, this one included: back to the login page. */
export async function endAllSessionsAction(): Promise<void> {
  const user = await requireUser();
  await endAllSessions({ db: getDb(), userId: user.id, actor: await auditActor(user) });
  redirect('/login');
}
