import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { getAuthOptions } from './auth-options';
import { liveSessionWhere, sessionStage, type TSignInMethod, type TStage } from '../auth/session-stage';
import { markSessionSeen } from '../auth/mark-session-seen';
import { sessionTimes } from '../auth/session-times';
import { authNow } from '../auth/auth-clock';

export type TCurrentUser = { id: string; email: string; name: string | null; role: Role; sessionId: string };
export type TSessionState = { stage: TStage; user: TCurrentUser };

/**
 * The session behind this request's cookie, checked against its row: null when there is none or
 * it was revoked, expired, idle or its user deactivated. Marks the session as seen (at most once
 * per write interval, lib/auth/mark-session-seen.ts). Once per request (React `cache`), however
 * many components ask.
 */
export const getSessionState = cache(async (): Promise<TSessionState | null> => {
  const session = (await getServerSession(getAuthOptions())) as { sid?: string; via?: TSignInMethod } | null;
  if (!session?.sid) return null;
  const db = getDb();
  const now = authNow();
  const { idleMs } = sessionTimes();
  const row = await db.session.findFirst({
    where: { id: session.sid, ...liveSessionWhere(now, idleMs) },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          mfaEnrolledAt: true,
          mustChangePassword: true,
        },
      },
    },
  });
  if (!row) return null;
  await markSessionSeen({ db, session: row, idleMs, now });
  const { mfaEnrolledAt, mustChangePassword, ...user } = row.user;
  return {
    stage: sessionStage(row, { mfaEnrolledAt, mustChangePassword }, session.via ?? 'password'),
    user: { ...user, sessionId: row.id },
  };
});

/** The signed-in user: only a session past its second factor (and any forced password change). */
export async function getCurrentUser(): Promise<TCurrentUser | null> {
  const state = await getSessionState();
  return state?.stage === 'ready' ? state.user : null;
}
