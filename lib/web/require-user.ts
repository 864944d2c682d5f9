import 'server-only';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '../db/generated/enums';
import { audit } from '../audit/audit';
import { getDb } from '../db/client';
import { getSessionState, type TCurrentUser } from './current-user';
import { auditActor } from './request-origin';
import { STAGE_PATH } from '../auth/session-stage';

/**
 * The guard every page and server action starts with: the signed-in user (else to /login, or to
 * the sign-in step still open: second factor, enrolment, password change), and only when their
 * role is one of `roles` (else a 404, so a page's existence is not revealed; the refusal is
 * audited, as a refused record is). Access to individual records is still decided inside each
 * lib/ query's `where`.
 */
export async function requireUser(roles?: readonly Role[]): Promise<TCurrentUser> {
  const state = await getSessionState();
  if (!state) redirect('/login');
  if (state.stage !== 'ready') redirect(STAGE_PATH[state.stage]);
  if (roles && !roles.includes(state.user.role)) {
    await audit(getDb(), {
      actor: await auditActor(state.user),
      action: 'pagina.geweigerd',
      objectType: 'system',
      objectId: null,
      outcome: 'DENIED',
      details: { rol: state.user.role, toegestaan: roles.join(',') },
    });
    notFound();
  }
  return state.user;
}
