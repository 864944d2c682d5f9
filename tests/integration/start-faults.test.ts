/**
 * Faults injected into a running `npm start`, as in the reliability review: the worker SIGKILLed
 * every 2–5 s while 150 meldingen arrive, Dovecot down 45 s, the SMTP server down 60 s, the
 * embedded PostgreSQL SIGKILLed, and (with DATABASE_URL) an external PostgreSQL killed for 20 s.
 * Each time: nothing lost, nothing doubled, the web server never down, health telling the truth.
 * Figures (times to recover, restarts) are printed, not asserted beyond the bounds.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createDb, type TDb } from '../../lib/db/client';
import { freePort, startEmbeddedPostgres, type TEmbeddedDb } from '../../lib/db/embedded';
import { closeParser } from '../../lib/form';
import { startDovecot, type TDovecot } from '../support/dovecot';
import { MAILBOX_USER } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { createMailbox, npmStart, type TStarted } from '../support/npm-start';
import { isAlive, waitFor } from '../support/processes';
import { startSmtpReceiver, type TSmtpReceiver } from '../support/smtp-receiver';
import { randomInt } from '../support/random';

const base = mkdtempSync(path.join(tmpdir(), 'meldpost-faults-'));
chmodSync(base, 0o755); // as root PostgreSQL runs as `postgres`, which must reach its data dir
let dovecot: TDovecot;
let smtp: TSmtpReceiver;
const cleanups: (() => Promise<unknown>)[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dovecot = await startDovecot({ users: [MAILBOX_USER] });
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  await smtp?.stop();
  await dovecot?.stop();
  await closeParser();
  rmSync(base, { recursive: true, force: true });
});

const kenmerken = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `PL1300-2026${prefix}${String(i).padStart(3, '0')}`);
const signalsFor = (ks: string[]) =>
  new Set(smtp.messages.filter((m) => ks.some((k) => m.subject?.endsWith(k))).map((m) => m.messageId)).size;
const copiesFor = (ks: string[]) =>
  smtp.messages.filter((m) => ks.some((k) => m.subject?.endsWith(k))).length;

/** Polls public health every 500 ms until stopped: what a load balancer would have seen. */
function watchHealth(app: TStarted) {
  const seen = { ok: 0, degraded: 0, down: 0, failed: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { body } = await app.health();
        seen[body.status] += 1;
      } catch {
        seen.failed += 1;
      }
      await sleep(500);
    }
  })();
  return { seen, stop: async () => ((running = false), await loop, seen) };
}

describe('npm start under faults', () => {
  it('survives a worker kill loop, Dovecot and SMTP outages and a killed embedded PostgreSQL', async () => {
    const dataDir = path.join(base, 'embedded');
    // Retries come every 2 s at most here (FAST): enough attempts to outlast the 60 s SMTP outage,
    // as the production back-off (30 s doubling to an hour, 10 attempts) does.
    const app = await npmStart({ dataDir, port: await freePort(), env: { OUTBOX_MAX_ATTEMPTS: '200' } });
    cleanups.push(app.stop);
    // Stopped however this test ends: the next one uses the same mailbox.
    onTestFinished(() => app.stop().catch(() => {}));
    const db: TDb = createDb(app.runtime().databaseUrl!, 3);
    cleanups.push(() => db.$disconnect());
    await createMailbox(db, dovecot, smtp);
    const webPid = app.runtime().children.web!;
    // The kill loop below keeps health "degraded" (a restart loop) for ten minutes: later steps
    // look at their own reason.
    const mailboxInError = async () =>
      (await app.health(true)).body.reasons.some((r) => r.code === 'mailbox_error');

    // Public health says the status only; the token opens the details.
    await waitFor('health ok', async () => (await app.health()).body.status === 'ok', 60_000, 500);
    expect((await app.health()).body).toEqual({ status: 'ok' });
    expect((await app.health(true)).body.mailboxes).toHaveLength(1);

    // 1. Worker SIGKILLed every 2–5 s while 150 meldingen arrive.
    const watcher = watchHealth(app);
    const loopKs = kenmerken('610', 150);
    const delivering = (async () => {
      for (const k of loopKs)
        await dovecot.appendRaw(MAILBOX_USER.user, 'INBOX', await meldingMail({ kenmerk: k }));
    })();
    let kills = 0;
    let sawRestartLoop = false;
    const killUntil = Date.now() + 45_000;
    while (Date.now() < killUntil) {
      const pid = await waitFor(
        'a running worker',
        () => {
          const s = app.supervisor().processes.worker;
          return s?.state === 'running' && s.pid;
        },
        90_000,
        100,
      );
      await sleep(randomInt(2000, 5000));
      if (isAlive(pid)) {
        process.kill(pid, 'SIGKILL');
        kills += 1;
      }
      const details = await app.health(true).catch(() => null);
      if (details?.body.reasons.some((r) => r.code === 'process_restart_loop')) sawRestartLoop = true;
    }
    await delivering;
    const loopStart = Date.now();
    await waitFor('150 signals', () => signalsFor(loopKs) === 150, 300_000, 500);
    const loopDrainMs = Date.now() - loopStart;
    const loopSeen = await watcher.stop();
    expect(await db.melding.count({ where: { kenmerk: { in: loopKs } } })).toBe(150);
    expect(signalsFor(loopKs)).toBe(150);
    expect(loopSeen.down + loopSeen.failed).toBe(0);
    expect(app.runtime().children.web).toBe(webPid);
    expect(kills).toBeGreaterThanOrEqual(4);
    expect(sawRestartLoop).toBe(true);
    expect(app.supervisor().processes.worker!.restarts).toBe(kills);
    console.log(
      `worker kill loop: ${kills} SIGKILLs, 150 meldingen, ${signalsFor(loopKs)} distinct signals, ` +
        `${copiesFor(loopKs)} received (repeats carry the same Message-ID), drained ${loopDrainMs} ms after the last kill; ` +
        `public health seen ${JSON.stringify(loopSeen)}; web pid unchanged`,
    );

    // 2. Dovecot down 45 s: health degraded (mailbox in error), then everything flows again.
    await waitFor(
      'no mailbox error before the IMAP outage',
      async () => !(await mailboxInError()),
      120_000,
      500,
    );
    // Down long enough for a busy machine to notice (the worker sees it when its session breaks).
    const imapDown = dovecot.restart({ downForMs: 45_000 });
    const degradedImap = await waitFor(
      'health degraded by the IMAP outage',
      async () => {
        const h = await app.health(true);
        return h.body.reasons.some((r) => r.code === 'mailbox_error') ? h : null;
      },
      45_000,
      500,
    );
    expect(degradedImap.http).toBe(200);
    await imapDown;
    const imapBackAt = Date.now();
    const imapKs = kenmerken('620', 3);
    for (const k of imapKs)
      await dovecot.appendRaw(MAILBOX_USER.user, 'INBOX', await meldingMail({ kenmerk: k }));
    await waitFor('signals after the IMAP outage', () => signalsFor(imapKs) === 3, 120_000, 500);
    await waitFor('the mailbox error cleared', async () => !(await mailboxInError()), 60_000, 500);
    console.log(
      `Dovecot down 45 s: degraded (mailbox_error) during, meldingen after it flowed ${Date.now() - imapBackAt} ms after its return`,
    );

    // 3. SMTP down 60 s: meldingen recorded meanwhile, their signals sent once it is back, once each.
    await smtp.stop();
    const smtpKs = kenmerken('630', 3);
    for (const k of smtpKs)
      await dovecot.appendRaw(MAILBOX_USER.user, 'INBOX', await meldingMail({ kenmerk: k }));
    await waitFor(
      'meldingen recorded while SMTP is down',
      async () => (await db.melding.count({ where: { kenmerk: { in: smtpKs } } })) === 3,
      60_000,
      500,
    );
    await waitFor(
      'a failed send',
      async () => (await db.outgoingMail.count({ where: { state: 'QUEUED', attempts: { gt: 0 } } })) > 0,
      60_000,
      500,
    );
    await sleep(60_000);
    await smtp.start();
    const smtpBackAt = Date.now();
    await waitFor('signals after the SMTP outage', () => signalsFor(smtpKs) === 3, 120_000, 500);
    console.log(
      `SMTP down 60 s: 3 signals ${Date.now() - smtpBackAt} ms after its return, ${copiesFor(smtpKs)} received`,
    );
    expect(copiesFor(smtpKs)).toBe(3);

    // 4. The embedded PostgreSQL SIGKILLed: restarted by the supervisor, children recover.
    const pgPid = app.runtime().postgresPid!;
    const killedAt = Date.now();
    process.kill(pgPid, 'SIGKILL');
    await waitFor(
      'postgres restarted',
      () => {
        const s = app.supervisor().processes.postgres;
        return s?.state === 'running' && s.pid !== pgPid && s.restarts === 1;
      },
      60_000,
      200,
    );
    const pgBackMs = Date.now() - killedAt;
    await waitFor(
      'web and worker healthy after postgres',
      async () => {
        const h = await app.health(true);
        return h.http === 200 && h.body.worker.alive && Date.parse(h.body.worker.lastHeartbeat!) > killedAt;
      },
      60_000,
      250,
    );
    const healthyMs = Date.now() - killedAt;
    const pgKs = kenmerken('640', 2);
    for (const k of pgKs)
      await dovecot.appendRaw(MAILBOX_USER.user, 'INBOX', await meldingMail({ kenmerk: k }));
    await waitFor('signals after the postgres restart', () => signalsFor(pgKs) === 2, 120_000, 500);
    expect(app.runtime().children.web).toBe(webPid);
    const total = 150 + 3 + 3 + 2;
    expect(await db.melding.count()).toBe(total);
    expect(await db.inboundMessage.count({ where: { state: 'PARKED' } })).toBe(0);
    console.log(
      `embedded postgres SIGKILLed: running again after ${pgBackMs} ms, health ok after ${healthyMs} ms; ${total} meldingen in all, none parked`,
    );
    await app.stop();
  }, 1_500_000);

  it('with DATABASE_URL: survives the external database killed for 20 s and leaves a data-dir PostgreSQL alone', async () => {
    const dataDir = path.join(base, 'extern');
    // A PostgreSQL in the data dir that is not in use: npm start must leave it running.
    const bystander = await startEmbeddedPostgres({
      dir: path.join(dataDir, 'postgres'),
      password: 'omstander',
    });
    cleanups.push(() => bystander.stop());
    const extDir = path.join(base, 'extpg');
    const port = await freePort();
    let ext: TEmbeddedDb = await startEmbeddedPostgres({ dir: extDir, password: 'extern', port });
    cleanups.push(() => ext.stop());
    const app = await npmStart({
      dataDir,
      port: await freePort(),
      databaseUrl: ext.url,
      env: { LOG_LEVEL: 'info' },
    });
    cleanups.push(app.stop);
    onTestFinished(() => app.stop().catch(() => {}));
    expect(isAlive(bystander.pid!)).toBe(true);
    const db = createDb(ext.url, 3);
    cleanups.push(() => db.$disconnect());
    await createMailbox(db, dovecot, smtp);
    const firstKs = kenmerken('650', 2);
    for (const k of firstKs)
      await dovecot.appendRaw(MAILBOX_USER.user, 'INBOX', await meldingMail({ kenmerk: k }));
    await waitFor('first signals', () => signalsFor(firstKs) === 2, 120_000, 500);
    const webPid = app.runtime().children.web!;

    // Killed, and gone for 20 s.
    process.kill(ext.pid!, 'SIGKILL');
    const downAt = Date.now();
    const down = await waitFor(
      'health down',
      async () => {
        const h = await app.health();
        return h.http === 503 ? h : null;
      },
      20_000,
      250,
    );
    expect(down.body).toEqual({ status: 'down' });
    const downDetectedMs = Date.now() - downAt;
    const outageKs = kenmerken('660', 3);
    for (const k of outageKs)
      await dovecot.appendRaw(MAILBOX_USER.user, 'INBOX', await meldingMail({ kenmerk: k }));
    await sleep(Math.max(0, 20_000 - (Date.now() - downAt)));
    ext = await startEmbeddedPostgres({ dir: extDir, password: 'extern', port });
    const backAt = Date.now();
    await waitFor('web healthy again', async () => (await app.health()).http === 200, 60_000, 250);
    const webBackMs = Date.now() - backAt;
    await waitFor(
      'worker beating again',
      async () => (await app.health(true)).body.worker.alive,
      60_000,
      250,
    );
    const workerBackMs = Date.now() - backAt;
    await waitFor(
      'signals for the mail that came during the outage',
      () => signalsFor(outageKs) === 3,
      120_000,
      500,
    ).catch(async (err: unknown) => {
      console.log(app.output().slice(-30000));
      console.log(
        JSON.stringify(await db.inboundMessage.findMany({ select: { id: true, state: true, error: true } })),
      );
      console.log(
        JSON.stringify(
          await db.outgoingMail.findMany({ select: { state: true, attempts: true, lastError: true } }),
        ),
      );
      console.log(
        JSON.stringify(
          await db.mailbox.findMany({
            select: { lastError: true, lastErrorAt: true, lastSyncAt: true, holder: true },
          }),
        ),
      );
      console.log(JSON.stringify((await app.health(true)).body));
      throw err;
    });
    expect(webBackMs).toBeLessThan(10_000);
    expect(workerBackMs).toBeLessThan(10_000);
    expect(app.runtime().children.web).toBe(webPid);
    expect(await db.melding.count()).toBe(5);
    expect(copiesFor([...firstKs, ...outageKs])).toBe(5);
    console.log(
      `external postgres killed 20 s: health 503 after ${downDetectedMs} ms; after its return web 200 in ${webBackMs} ms, ` +
        `worker beating in ${workerBackMs} ms; worker restarts by the supervisor: ${app.supervisor().processes.worker!.restarts}; 5 meldingen, 5 signals`,
    );
    await app.stop();
    expect(isAlive(bystander.pid!)).toBe(true);
  }, 600_000);
});
