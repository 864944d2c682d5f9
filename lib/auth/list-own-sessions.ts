import 'server-only';
import { liveSessionWhere } from './session-stage';
import { sessionTimes } from './session-times';
import type { TDb } from '../db/client';
import { authNow } from './auth-clock';

/** The user's own open sessions, newest first (for the account page). */
export async function listOwnSessions(opts: { db: TDb; userId: string }) {
  return opts.db.session.findMany({
    where: { userId: opts.userId, ...liveSessionWhere(authNow(), sessionTimes().idleMs) },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      ip: true,
      userAgent: true,
      mfaVerifiedAt: true,
    },
  });
}
