import 'server-only';
import { headers } from 'next/headers';
import type { TAuditActor } from '../audit/audit';

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
export async function auditActor(user: { id: string; email: string }): Promise<TAuditActor> {
  return { id: user.id, label: user.email, ...(await requestOrigin()) };
}
