import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';

/** "Alle sessies beëindigen": every open session of the user ends, on its next request. */
export async function endAllSessions(opts: { db: TDb; userId: string; actor: TAuditActor }): Promise<number> {
  return opts.db.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({
      where: { userId: opts.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'auth.sessions.end',
      objectType: 'user',
      objectId: opts.userId,
      details: { ended: ended.count },
    });
    return ended.count;
  });
}
