import 'server-only';
import type { TDb } from '../db/client';
import { backupProblem, readBackupStatus } from '../backup/backup-status';
import { settingsFromRows } from '../settings/settings';
import { isAlive } from '../process/is-alive';
import { isRestartLoop, readSupervisorStatus, type TProcessStatus } from './supervisor-status';

export type THealthStatus = 'ok' | 'degraded' | 'down';

/** Why the service is not "ok": a stable code and a Dutch sentence (no person, no secret). */
export type THealthReason = { code: string; text: string };

export type THealth = {
  status: THealthStatus;
  reasons: THealthReason[];
  database: 'ok' | 'down';
  worker: { lastHeartbeat: string | null; alive: boolean; restartingLoops: string[] };
  processes: Record<string, TProcessStatus> | null;
  mailboxes: { name: string; active: boolean; lastSyncAt: string | null; inError: boolean }[];
  outbox: { oldestQueuedAt: string | null };
  workQueue: { waiting: number; oldestAt: string | null };
};

/** The part anyone may see: the status alone (issue 15: no mailbox names or errors in public). */
export type TPublicHealth = { status: THealthStatus };

/** Each check gets this long; a stalled database is "down", not a hanging request. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

class CheckTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`check took longer than ${ms} ms`)), ms);
  });
  // A query that outlives its check must not become an unhandled rejection.
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

type TFacts = {
  beat: Date | null;
  loops: unknown;
  oldestQueued: Date | null;
  waiting: bigint;
  oldestWaiting: Date | null;
};

/**
 * What a load balancer and an operator need, each check bounded by HEALTH_CHECK_TIMEOUT_MS:
 * `down` when the database does not answer; `degraded` when a mailbox is in error, the worker is
 * silent or one of its loops or one of `npm start`'s processes is restarting, mail waits in the
 * outbox longer than the setting, a parked or failing message waits longer than the setting, or
 * the daily backup failed or is overdue; else `ok`.
 */
export async function getHealth(opts: {
  db: TDb;
  heartbeatSec: number;
  dataDir: string;
  now?: Date;
  timeoutMs?: number;
}): Promise<THealth> {
  const now = opts.now ?? new Date();
  const timeoutMs = opts.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
  const supervisor = readSupervisorStatus(opts.dataDir);
  const processes = supervisor && isAlive(supervisor.supervisorPid) ? supervisor.processes : null;
  let checks;
  try {
    checks = await Promise.all([
      withTimeout(
        opts.db.$queryRaw<TFacts[]>`
          SELECT
            (SELECT "beatAt" FROM "WorkerHeartbeat" ORDER BY "beatAt" DESC LIMIT 1) AS beat,
            (SELECT coalesce(jsonb_agg(loops), '[]'::jsonb) FROM "WorkerHeartbeat"
              WHERE "beatAt" > ${new Date(now.getTime() - opts.heartbeatSec * 3000)}) AS loops,
            (SELECT min("createdAt") FROM "OutgoingMail" WHERE state = 'QUEUED') AS "oldestQueued",
            (SELECT count(*) FROM "InboundMessage" WHERE state IN ('FAILED', 'PARKED')) AS waiting,
            (SELECT min("storedAt") FROM "InboundMessage" WHERE state IN ('FAILED', 'PARKED')) AS "oldestWaiting"`,
        timeoutMs,
      ),
      withTimeout(
        opts.db.mailbox.findMany({
          orderBy: { name: 'asc' },
          select: { name: true, active: true, lastSyncAt: true, lastErrorAt: true },
        }),
        timeoutMs,
      ),
      withTimeout(opts.db.setting.findMany({ select: { key: true, value: true } }), timeoutMs),
    ]);
  } catch {
    return {
      status: 'down',
      reasons: [{ code: 'database_down', text: 'De database antwoordt niet (binnen 2 seconden)' }],
      database: 'down',
      worker: { lastHeartbeat: null, alive: false, restartingLoops: [] },
      processes,
      mailboxes: [],
      outbox: { oldestQueuedAt: null },
      workQueue: { waiting: 0, oldestAt: null },
    };
  }
  const [[facts], mailboxRows, settingRows] = checks;
  if (!facts) throw new Error('health: the facts query returned no row');
  const settings = settingsFromRows(settingRows);
  const reasons: THealthReason[] = [];
  // Three missed beats and the worker counts as gone.
  const alive = !!facts.beat && now.getTime() - facts.beat.getTime() < opts.heartbeatSec * 3000;
  if (!alive) reasons.push({ code: 'worker_silent', text: 'De worker geeft geen teken van leven' });
  // Every worker that beats, not only the latest: with several instances, any one's loop counts.
  const loops = (facts.loops ?? []) as Record<string, { state?: string }>[];
  const restartingLoops = alive
    ? [
        ...new Set(
          loops.flatMap((perWorker) =>
            Object.entries(perWorker ?? {}).flatMap(([name, s]) => (s?.state === 'restarting' ? [name] : [])),
          ),
        ),
      ]
    : [];
  for (const loop of restartingLoops)
    reasons.push({ code: 'worker_loop_restarting', text: `De worker herstart zijn taak "${loop}"` });
  for (const [name, status] of Object.entries(processes ?? {}))
    if (isRestartLoop(status, now.getTime()))
      reasons.push({
        code: 'process_restart_loop',
        text: `Het proces "${name}" wordt steeds opnieuw gestart`,
      });
  const mailboxes = mailboxRows.map((m) => ({
    name: m.name,
    active: m.active,
    lastSyncAt: m.lastSyncAt?.toISOString() ?? null,
    inError: m.active && !!m.lastErrorAt && (!m.lastSyncAt || m.lastErrorAt > m.lastSyncAt),
  }));
  for (const m of mailboxes)
    if (m.inError) reasons.push({ code: 'mailbox_error', text: `Mailbox "${m.name}" heeft een fout` });
  if (
    facts.oldestQueued &&
    now.getTime() - facts.oldestQueued.getTime() > settings.outboxAchterstandMinuten * 60_000
  )
    reasons.push({
      code: 'outbox_backlog',
      text: `Uitgaande mail wacht langer dan ${settings.outboxAchterstandMinuten} minuten op verzending`,
    });
  if (
    facts.oldestWaiting &&
    now.getTime() - facts.oldestWaiting.getTime() > settings.werkvoorraadUren * 3600_000
  )
    reasons.push({
      code: 'work_queue_old',
      text: `Een geparkeerd of mislukt bericht ligt langer dan ${settings.werkvoorraadUren} uur onbehandeld`,
    });
  const backup = backupProblem(readBackupStatus(opts.dataDir), now.getTime());
  if (backup) reasons.push({ code: 'backup_failed', text: backup });
  return {
    status: reasons.length ? 'degraded' : 'ok',
    reasons,
    database: 'ok',
    worker: { lastHeartbeat: facts.beat?.toISOString() ?? null, alive, restartingLoops },
    processes,
    mailboxes,
    outbox: { oldestQueuedAt: facts.oldestQueued?.toISOString() ?? null },
    workQueue: { waiting: Number(facts.waiting), oldestAt: facts.oldestWaiting?.toISOString() ?? null },
  };
}
