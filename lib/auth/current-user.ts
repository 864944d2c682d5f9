import 'server-only';
import { getServerSession } from 'next-auth';
import { getDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { getAuthOptions } from './options';

export const SESSION_IDLE_MS = 30 * 60 * 1000;

export type TCurrentUser = { id: string; email: string; name: string | null; role: Role; sessionId: string };

/** The signed-in user, or null when there is no session or it was revoked, expired or idle. */
export async function getCurrentUser(): Promise<TCurrentUser | null> {
  const session = (await getServerSession(getAuthOptions())) as { sid?: string } | null;
  if (!session?.sid) return null;
  const db = getDb();
  const now = new Date();
  const row = await db.session.findFirst({
    where: { id: session.sid, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) }, user: { active: true } },
    include: { user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!row) return null;
  await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  return { ...row.user, sessionId: row.id };
}
