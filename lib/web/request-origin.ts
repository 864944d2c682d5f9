import 'server-only';
import { headers } from 'next/headers';
import type { TAuditActor } from '../audit/audit';

/** The client's IP address and user agent, for audit events and sign-in throttling. */
export async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || null;
  return { ip, userAgent: h.get('user-agent') };
}

/** The audit actor for a request: the user, their IP address and user agent. */
export async function auditActor(user: { id: string; email: string }): Promise<TAuditActor> {
  return { id: user.id, label: user.email, ...(await requestOrigin()) };
}
