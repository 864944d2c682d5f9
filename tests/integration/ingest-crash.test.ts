/**
 * Crash safety: 200 meldingen in the mailbox, worker processes killed with SIGKILL at random
 * moments and restarted until everything is done. Exactly 200 meldingen and 200 distinct
 * acceptatiesignalen. A kill between the SMTP server's "250 OK" and our commit can make the
 * relay send a signal again; it then carries the same Message-ID, so it is recognisably the
 * same signal — the test counts such repeats and bounds them by the number of kills. A kill lands
 * on whatever messages are in processing at that moment: none of them may end up parked as
 * "crashed the worker" (INGEST_MAX_CRASHES set high enough, and only crashes during a message's
 * lone processing count).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { exited, waitFor } from '../support/processes';
import { randomInt } from '../support/random';

const N = 200;
const CRASH_LIMIT = { INGEST_MAX_CRASHES: '5' };
let env: TIngestEnv;
beforeAll(async () => {
  env = await startIngestEnv();
});
afterAll(async () => {
  await env.stop();
  await closeParser();
});

describe('crash safety', () => {
  it(`loses and doubles nothing when the worker is SIGKILLed at random (${N} meldingen)`, async () => {
    const kenmerken = Array.from({ length: N }, (_, i) => `PL1300-2026${String(700000 + i)}`);
    for (const k of kenmerken) await env.deliver(await meldingMail({ kenmerk: k }));

    const done = async () =>
      (await env.t.db.outgoingMail.count({ where: { state: 'SENT' } })) === N &&
      (await env.t.db.inboundMessage.count({ where: { movedTo: null } })) === 0;
    let kills = 0;
    while (!(await done()) && kills < 25) {
      const worker = env.spawnWorker(CRASH_LIMIT);
      await new Promise((r) => setTimeout(r, randomInt(800, 3000)));
      worker.kill('SIGKILL');
      await exited(worker);
      kills += 1;
    }
    const last = env.spawnWorker(CRASH_LIMIT);
    // Messages in flight at a kill are retried one at a time afterwards; on a busy machine that
    // takes a while.
    await waitFor('everything sent and moved', done, 420_000, 500);
    await waitFor(
      `${N} distinct signals`,
      () => new Set(env.smtp.messages.map((m) => m.messageId)).size >= N,
      30_000,
    );
    last.kill('SIGTERM');
    await exited(last);

    expect(kills).toBeGreaterThan(2);
    expect(await env.t.db.melding.count()).toBe(N);
    expect(await env.t.db.outgoingMail.count()).toBe(N);
    expect(await env.t.db.inboundMessage.count()).toBe(N);
    expect(await env.t.db.inboundMessage.count({ where: { state: 'PARKED' } })).toBe(0);
    const blamed = await env.t.db.inboundMessage.aggregate({
      _max: { crashes: true },
      _sum: { crashes: true },
    });
    const sentIds = new Set(
      (await env.t.db.outgoingMail.findMany({ select: { messageId: true } })).map((r) => r.messageId),
    );
    const received = env.smtp.messages.map((m) => m.messageId!);
    expect(new Set(received).size).toBe(N);
    expect(received.every((id) => sentIds.has(id))).toBe(true);
    const repeats = received.length - N;
    expect(repeats).toBeLessThanOrEqual(kills);
    expect(new Set(env.smtp.messages.map((m) => m.subject)).size).toBe(N);
    expect(await env.folderUids(env.mailbox.processedFolder)).toHaveLength(N);
    console.log(
      `crash test: ${kills} SIGKILLs, ${received.length} signals received, ${repeats} repeats (same Message-ID), ` +
        `crashes blamed on messages: ${blamed._sum.crashes ?? 0} in all, at most ${blamed._max.crashes ?? 0} on one`,
    );
  }, 600_000);
});
