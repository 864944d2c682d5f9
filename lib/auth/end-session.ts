import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';

/** Logout: revokes this session row, so the cookie is worthless even if a copy survives. */
export async function endSession(opts: { db: TDb; sessionId: string; actor: TAuditActor }): Promise<void> {
  const ended = await opts.db.session.updateMany({
    where: { id: opts.sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (ended.count === 0) return;
  const row = await opts.db.session.findUniqueOrThrow({
    where: { id: opts.sessionId },
    select: { userId: true, user: { select: { email: true } } },
  });
  await audit(opts.db, {
    actor: { ...opts.actor, id: row.userId, label: row.user.email },
    action: 'auth.logout',
    objectType: 'user',
    objectId: row.userId,
  });
}
