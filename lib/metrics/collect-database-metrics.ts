import 'server-only';
import { Gauge, type Registry } from 'prom-client';
import type { TDb } from '../db/client';
import { ACCOUNT_MAX_FAILURES, LOGIN_LOOKBACK_MS, LOGIN_WINDOW_MS } from '../auth/login-throttle';

type TGauges = Record<
  | 'inbound'
  | 'outboxDepth'
  | 'outboxAge'
  | 'workItems'
  | 'workAge'
  | 'signalLatency'
  | 'mailboxUp'
  | 'mailboxSyncAge'
  | 'loginFailures'
  | 'loginLocked'
  | 'workerAlive',
  Gauge<string>
>;

const gauge = (registry: Registry, name: string, help: string, labelNames: string[] = []) =>
  (registry.getSingleMetric(name) as Gauge<string> | undefined) ??
  new Gauge({ name, help, labelNames, registers: [registry] });

function gaugesOn(registry: Registry): TGauges {
  return {
    inbound: gauge(
      registry,
      'meldpost_inbound_messages',
      'Berichten in het ingangsregister per soort en verwerkingsstaat',
      ['kind', 'state'],
    ),
    outboxDepth: gauge(
      registry,
      'meldpost_outbox_queue_depth',
      'Uitgaande mail die nog niet verstuurd is, per staat',
      ['state'],
    ),
    outboxAge: gauge(
      registry,
      'meldpost_outbox_oldest_age_seconds',
      'Leeftijd van de oudste nog niet verstuurde uitgaande mail',
    ),
    workItems: gauge(registry, 'meldpost_work_items', 'Meldingen per status (werkvoorraad)', ['status']),
    workAge: gauge(
      registry,
      'meldpost_work_oldest_age_seconds',
      'Leeftijd van de oudste open melding per status',
      ['status'],
    ),
    signalLatency: gauge(
      registry,
      'meldpost_signal_latency_seconds',
      'Tijd van aankomst in de mailbox tot verzonden signaal, over het afgelopen uur (kwantielen)',
      ['quantile'],
    ),
    mailboxUp: gauge(
      registry,
      'meldpost_mailbox_up',
      'Mailbox actief en zonder fout sinds de laatste synchronisatie (1) of niet (0)',
      ['mailbox'],
    ),
    mailboxSyncAge: gauge(
      registry,
      'meldpost_mailbox_last_sync_age_seconds',
      'Seconden sinds de laatste geslaagde synchronisatie',
      ['mailbox'],
    ),
    loginFailures: gauge(
      registry,
      'meldpost_login_failures_recent',
      'Mislukte inlogpogingen in het afgelopen kwartier',
    ),
    loginLocked: gauge(
      registry,
      'meldpost_login_locked_accounts',
      'E-mailadressen met genoeg mislukte pogingen voor een blokkade',
    ),
    workerAlive: gauge(
      registry,
      'meldpost_worker_last_heartbeat_age_seconds',
      'Seconden sinds de laatste hartslag van een worker',
    ),
  };
}

const seconds = (from: Date | null | undefined, now: Date) =>
  from ? (now.getTime() - from.getTime()) / 1000 : 0;

/**
 * Sets the gauges that describe the whole installation from the database: the same figures on
 * every instance, however many there are (so they are read per scrape, not counted per process).
 * Names no person: only counts, ages and mailbox names.
 */
export async function collectDatabaseMetrics(opts: {
  db: TDb;
  registry: Registry;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? new Date();
  const g = gaugesOn(opts.registry);
  const hourAgo = new Date(now.getTime() - 3600_000);
  const [inbound, outbox, outboxOldest, work, latency, mailboxes, failures, lockedEmails, beat] =
    await Promise.all([
      opts.db.inboundMessage.groupBy({ by: ['kind', 'state'], _count: { _all: true } }),
      opts.db.outgoingMail.groupBy({
        by: ['state'],
        where: { state: { in: ['QUEUED', 'SENDING', 'FAILED'] } },
        _count: { _all: true },
      }),
      opts.db.outgoingMail.findFirst({
        where: { state: { in: ['QUEUED', 'SENDING'] } },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      }),
      opts.db.melding.groupBy({ by: ['status'], _count: { _all: true }, _min: { receivedAt: true } }),
      opts.db.$queryRaw<{ p50: number | null; p95: number | null; max: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY s) AS p95,
             max(s) AS max
      FROM (SELECT EXTRACT(EPOCH FROM (o."sentAt" - i."receivedAt"))::float8 AS s
            FROM "OutgoingMail" o JOIN "InboundMessage" i ON i.id = o."inboundMessageId"
            WHERE o."sentAt" >= ${hourAgo}) latencies`,
      opts.db.mailbox.findMany({ select: { name: true, active: true, lastSyncAt: true, lastErrorAt: true } }),
      opts.db.loginAttempt.count({
        where: { success: false, at: { gte: new Date(now.getTime() - LOGIN_WINDOW_MS) } },
      }),
      opts.db.loginAttempt.groupBy({
        by: ['email'],
        where: { success: false, at: { gte: new Date(now.getTime() - LOGIN_LOOKBACK_MS) } },
        having: { email: { _count: { gte: ACCOUNT_MAX_FAILURES } } },
      }),
      opts.db.workerHeartbeat.findFirst({ orderBy: { beatAt: 'desc' }, select: { beatAt: true } }),
    ]);
  g.inbound.reset();
  for (const row of inbound)
    g.inbound.set({ kind: row.kind ?? 'ONBEKEND', state: row.state }, row._count._all);
  g.outboxDepth.reset();
  for (const state of ['QUEUED', 'SENDING', 'FAILED'])
    g.outboxDepth.set({ state }, outbox.find((row) => row.state === state)?._count._all ?? 0);
  g.outboxAge.set(seconds(outboxOldest?.createdAt, now));
  g.workItems.reset();
  g.workAge.reset();
  for (const row of work) {
    g.workItems.set({ status: row.status }, row._count._all);
    if (row.status !== 'AFGEROND') g.workAge.set({ status: row.status }, seconds(row._min.receivedAt, now));
  }
  const [quantiles] = latency;
  g.signalLatency.set({ quantile: '0.5' }, quantiles?.p50 ?? 0);
  g.signalLatency.set({ quantile: '0.95' }, quantiles?.p95 ?? 0);
  g.signalLatency.set({ quantile: '1' }, quantiles?.max ?? 0);
  g.mailboxUp.reset();
  g.mailboxSyncAge.reset();
  for (const mailbox of mailboxes) {
    const inError =
      !!mailbox.lastErrorAt && (!mailbox.lastSyncAt || mailbox.lastErrorAt > mailbox.lastSyncAt);
    g.mailboxUp.set({ mailbox: mailbox.name }, mailbox.active && !inError ? 1 : 0);
    g.mailboxSyncAge.set({ mailbox: mailbox.name }, seconds(mailbox.lastSyncAt, now));
  }
  g.loginFailures.set(failures);
  g.loginLocked.set(lockedEmails.length);
  g.workerAlive.set(seconds(beat?.beatAt, now));
}
