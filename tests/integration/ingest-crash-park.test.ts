/**
 * A message whose processing kills the worker (as the kernel's OOM killer does: SIGKILL, no
 * chance to record anything) counts as a failure: the attempt is recorded before processing, and
 * after INGEST_MAX_CRASHES crashes while it was processed alone it is parked with the reason
 * "verwerking brak het proces af". The meldingen behind it flow; none of them is blamed.
 *
 * The fault is injected from outside: a trigger makes the message's melding hang in the database,
 * and the test SIGKILLs the worker each time an attempt on that message begins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { CRASH_PARK_REASON } from '../../lib/ingest/begin-inbound-attempt';
import { meldingMail } from '../support/melding-mail';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { exited, waitFor } from '../support/processes';

const POISON = 'PL1300-2026500001';
const HEALTHY = ['PL1300-2026500002', 'PL1300-2026500003', 'PL1300-2026500004'];
let env: TIngestEnv;

beforeAll(async () => {
  env = await startIngestEnv();
  await env.t.db.$executeRawUnsafe(`
    CREATE FUNCTION hang_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.kenmerk = '${POISON}' THEN PERFORM pg_sleep(4); END IF;
      RETURN NEW;
    END $$`);
  await env.t.db.$executeRawUnsafe(
    `CREATE TRIGGER hang_poison BEFORE INSERT ON "Melding" FOR EACH ROW EXECUTE FUNCTION hang_poison()`,
  );
});

afterAll(async () => {
  await env?.stop();
  await closeParser();
});

describe('a message that kills the worker', () => {
  it('is parked after 3 crashes during its own processing, and the meldingen behind it flow', async () => {
    await env.deliver(await meldingMail({ kenmerk: POISON }));
    for (const k of HEALTHY.slice(0, 2)) await env.deliver(await meldingMail({ kenmerk: k }));
    const poisonRow = () => env.t.db.inboundMessage.findFirst({ where: { subject: { contains: POISON } } });

    let kills = 0;
    let lastAttempt: number | null = null;
    for (;;) {
      const worker = env.spawnWorker({ INGEST_MAX_CRASHES: '3' });
      const seen = await waitFor(
        'a new attempt on the poison message, or its parking',
        async () => {
          const row = await poisonRow();
          const attempt = row?.attemptStartedAt?.getTime() ?? null;
          if (row?.state === 'PARKED') return 'parked' as const;
          return attempt !== null && attempt !== lastAttempt ? ({ attempt } as const) : null;
        },
        60_000,
        25,
      );
      if (seen === 'parked') {
        // Parked: this worker goes on with the rest.
        await env.deliver(await meldingMail({ kenmerk: HEALTHY[2]! }));
        await waitFor(
          'the healthy meldingen recorded and signalled',
          async () =>
            (await env.t.db.melding.count({ where: { kenmerk: { in: HEALTHY } } })) === 3 &&
            (await env.t.db.outgoingMail.count({ where: { state: 'SENT' } })) === 3,
          60_000,
        );
        await waitFor(
          'the poison message moved to the error folder',
          async () => (await poisonRow())?.movedTo === env.mailbox.errorFolder,
          30_000,
        );
        worker.kill('SIGTERM');
        await exited(worker);
        break;
      }
      lastAttempt = seen.attempt;
      worker.kill('SIGKILL'); // the "OOM kill" during this message's processing
      await exited(worker);
      kills += 1;
      expect(kills).toBeLessThan(10);
    }

    const parked = (await poisonRow())!;
    expect(parked.state).toBe('PARKED');
    expect(parked.error).toBe(CRASH_PARK_REASON);
    expect(parked.crashes).toBe(3);
    // The first kill may land while the healthy ones were processed beside it: not blamed.
    expect([3, 4]).toContain(kills);
    expect(await env.t.db.inboundMessage.count({ where: { state: 'PARKED' } })).toBe(1);
    expect(await env.t.db.melding.count({ where: { kenmerk: POISON } })).toBe(0);
    expect(env.smtp.messages.map((m) => m.subject).sort()).toEqual(
      HEALTHY.map((k) => `Acceptatiesignaal: melding niet-acute zorg met ${k}`).sort(),
    );
    const audit = await env.t.db.auditEvent.findFirst({
      where: { action: 'bericht.geparkeerd', objectId: parked.id },
    });
    expect(audit?.details).toMatchObject({ crashes: 3 });
    console.log(
      `crash-park test: ${kills} SIGKILLs during the poison message, parked with ${parked.crashes} crashes`,
    );
  }, 300_000);
});
