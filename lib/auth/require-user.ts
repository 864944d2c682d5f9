import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '../db/generated/enums';
import { audit, type TAuditActor } from '../audit/audit';
import { getDb } from '../db/client';
import { getSessionState, type TCurrentUser } from './current-user';
import { STAGE_PATH } from './session-stage';

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

/**
 * The client's IP address and user agent, for audit events and sign-in throttling. The address
 * is the one scripts/web-client-ip.mjs stamped from the socket and TRUSTED_PROXIES (it overwrites
 * any such header a client sends); X-Forwarded-For itself is the client's to choose and is never
 * read here. A server started without that preload has no address (null), never a forged one.
 */
export async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: h.get('x-meldpost-client-ip'), userAgent: h.get('user-agent') };
}

/** The audit actor for a request: the user, their IP address and user agent. */
export async function auditActor(user: Pick<TCurrentUser, 'id' | 'email'>): Promise<TAuditActor> {
  return { id: user.id, label: user.email, ...(await requestOrigin()) };
}
