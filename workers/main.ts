/**
 * The worker process: mailbox sync, outbox relay and scheduled jobs run as supervised loops.
 * Stops cleanly on SIGTERM/SIGINT; when started by `npm start`, also when that parent dies.
 */
import { getDb } from '../lib/db/client';
import { getEnvOrExit } from '../lib/env';
import { closeParser } from '../lib/form';
import { getKeyring } from '../lib/secrets/keyring';
import { errFields, getLogger } from '../lib/log';
import { publicUrl } from '../lib/web/public-url';
import { formReviewsLoop } from './jobs/form-reviews';
import { notificationsLoop } from './jobs/notifications';
import { refreshStatistiekenLoop } from './jobs/refresh-statistieken';
import { retentionLoop } from './jobs/retention';
import { mailboxManagerLoop } from './mailbox/manager';
import { outboxRelayLoop } from './outbox/relay';
import { startMetricsServer } from './metrics-server';
import { startSupervisor } from './supervisor';

const log = getLogger('worker');
const env = getEnvOrExit();
process.env.MELDPOST_PROCESS = 'worker';
const metricsServer = env.METRICS_PORT
  ? startMetricsServer({ host: env.HOST, port: env.METRICS_PORT, token: env.METRICS_TOKEN })
  : null;
const db = getDb();
const ring = getKeyring();

const supervisor = startSupervisor({
  db,
  heartbeatMs: env.WORKER_HEARTBEAT_SEC * 1000,
  restartDelayMs: env.WORKER_RESTART_DELAY_SEC * 1000,
  loops: [
    mailboxManagerLoop({
      db,
      ring,
      config: {
        databaseUrl: env.databaseUrl,
        scanMs: env.MAILBOX_SCAN_SEC * 1000,
        retryBaseMs: env.MAILBOX_RETRY_BASE_SEC * 1000,
        configErrorRetryMs: env.MAILBOX_CONFIG_RETRY_SEC * 1000,
        maxAttempts: env.INGEST_MAX_ATTEMPTS,
        maxCrashes: env.INGEST_MAX_CRASHES,
        fetchBatchBytes: 4 * 1024 * 1024,
      },
    }),
    outboxRelayLoop({
      db,
      ring,
      config: {
        databaseUrl: env.databaseUrl,
        baseMs: env.OUTBOX_RETRY_BASE_SEC * 1000,
        maxMs: env.OUTBOX_RETRY_MAX_SEC * 1000,
        maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
        pollMs: env.OUTBOX_POLL_SEC * 1000,
      },
    }),
    retentionLoop({ db, ring, checkMs: env.RETENTION_CHECK_SEC * 1000 }),
    refreshStatistiekenLoop({ db, everyMs: env.STATS_REFRESH_SEC * 1000 }),
    formReviewsLoop({ db, pollMs: 1000 }),
    notificationsLoop({ db, everyMs: env.NOTIFY_INTERVAL_SEC * 1000, baseUrl: publicUrl('/').href }),
  ],
});

let stopping = false;
async function stop(reason: string) {
  if (stopping) return;
  stopping = true;
  log.info({ msg: 'worker stopping', code: 'worker_stopping', reason });
  metricsServer?.close();
  await supervisor.stop();
  await closeParser();
  await db.$disconnect();
  log.info({ msg: 'worker stopped', code: 'worker_stopped' });
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.on('unhandledRejection', (err) =>
  log.error({ msg: 'unhandled rejection', code: 'worker_unhandled_rejection', err: errFields(err) }),
);

// Orphaned by a SIGKILLed `npm start`: stop rather than run on unsupervised.
if (process.env.MELDPOST_SUPERVISED === '1') {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop('parent gone'), 1_000).unref();
}
