import 'server-only';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '../db/generated/enums';
import { getSessionState, type TCurrentUser } from './current-user';
import { STAGE_PATH } from '../auth/session-stage';

/**
 * The guard every page and server action starts with: the signed-in user (else to /login, or to
 * the sign-in step still open: second factor, enrolment, password change), and only when their
 * role is one of `roles` (else a 404, so a page's existence is not revealed). Access to
 * individual records is still decided inside each lib/ query's `where`.
 */
export async function requireUser(roles?: readonly Role[]): Promise<TCurrentUser> {
  const state = await getSessionState();
  if (!state) redirect('/login');
  if (state.stage !== 'ready') redirect(STAGE_PATH[state.stage]);
  if (roles && !roles.includes(state.user.role)) notFound();
  return state.user;
}
