import type { TDb } from '../db/client';

/** How often at most a session's lastSeenAt is written: once a minute, or a tenth of a short idle timeout. */
export function seenWriteIntervalMs(idleMs: number): number {
  return Math.min(60_000, idleMs / 10);
}

/**
 * Records that a session was used, unless that was recorded less than the write interval ago:
 * the dashboard makes several requests a second per user (pages, live polling), and a row
 * update on each is write load for nothing. The idle check (liveSessionWhere) stays as strict:
 * a session seen within the interval may end that much sooner, never later.
 */
export async function markSessionSeen(opts: {
  db: TDb;
  session: { id: string; lastSeenAt: Date };
  idleMs: number;
  now: Date;
}): Promise<void> {
  if (opts.now.getTime() - opts.session.lastSeenAt.getTime() < seenWriteIntervalMs(opts.idleMs)) return;
  await opts.db.session.update({ where: { id: opts.session.id }, data: { lastSeenAt: opts.now } });
}
