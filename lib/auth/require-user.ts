import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '../db/generated/enums';
import type { TAuditActor } from '../audit';
import { getCurrentUser, type TCurrentUser } from './current-user';

/**
 * The guard every page and server action starts with: the signed-in user (else to /login), and
 * only when their role is one of `roles` (else a 404, so a page's existence is not revealed).
 * Access to individual records is still decided inside each lib/server query's `where`.
 */
export async function requireUser(roles?: readonly Role[]): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (roles && !roles.includes(user.role)) notFound();
  return user;
}

/** The audit actor for a request: the user, their IP address and user agent. */
export async function auditActor(user: TCurrentUser): Promise<TAuditActor> {
  const h = await headers();
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || null;
  return { id: user.id, label: user.email, ip, userAgent: h.get('user-agent') };
}
