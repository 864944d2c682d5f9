import 'server-only';
import type { TDb } from '../db/client';

export type THealth = {
  status: 'ok' | 'degraded' | 'down';
  database: 'ok' | 'down';
  worker: { lastHeartbeat: string | null; alive: boolean };
  mailboxes: { name: string; active: boolean; lastSyncAt: string | null; inError: boolean }[];
};

/**
 * What a load balancer or an operator needs: is the database up, is a worker beating, when did
 * each mailbox last sync. Public, so it names no person and no error text.
 */
export async function getHealth(opts: { db: TDb; heartbeatSec: number }): Promise<THealth> {
  try {
    await opts.db.$queryRaw`SELECT 1`;
  } catch {
    return { status: 'down', database: 'down', worker: { lastHeartbeat: null, alive: false }, mailboxes: [] };
  }
  const [beat, mailboxes] = await Promise.all([
    opts.db.workerHeartbeat.findFirst({ orderBy: { beatAt: 'desc' }, select: { beatAt: true } }),
    opts.db.mailbox.findMany({
      orderBy: { name: 'asc' },
      select: { name: true, active: true, lastSyncAt: true, lastErrorAt: true },
    }),
  ]);
  // Three missed beats and the worker counts as gone.
  const alive = !!beat && Date.now() - beat.beatAt.getTime() < opts.heartbeatSec * 3000;
  return {
    status: alive ? 'ok' : 'degraded',
    database: 'ok',
    worker: { lastHeartbeat: beat?.beatAt.toISOString() ?? null, alive },
    mailboxes: mailboxes.map((m) => ({
      name: m.name,
      active: m.active,
      lastSyncAt: m.lastSyncAt?.toISOString() ?? null,
      inError: !!m.lastErrorAt && (!m.lastSyncAt || m.lastErrorAt > m.lastSyncAt),
    })),
  };
}
