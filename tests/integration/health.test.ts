import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../lib/db/client';
import { getHealth } from '../../lib/health/get-health';
import { startSupervisor } from '../../workers/supervisor';
import { createTestDb, type TTestDb } from '../support/db';
import { waitFor } from '../support/processes';

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe('health and the worker supervisor', () => {
  it('is degraded without a worker, ok with one beating, and reports mailbox syncs', async () => {
    expect((await getHealth({ db: t.db, heartbeatSec: 1 })).status).toBe('degraded');
    await t.db.mailbox.create({
      data: {
        name: 'meldpunt',
        imapHost: 'h',
        smtpHost: 'h',
        username: 'u',
        secretEnc: 'v1:x:y:z:w',
        fromAddress: 'a@b.nl',
        signalRecipient: 'c@d.nl',
        lastSyncAt: new Date('2026-01-01T00:00:00Z'),
      },
    });

    let runs = 0;
    const sup = startSupervisor({
      db: t.db,
      heartbeatMs: 100,
      restartDelayMs: 50,
      loops: [
        {
          name: 'flaky',
          run: async () => {
            runs += 1;
            throw new Error('boom');
          },
        },
      ],
    });
    const health = await waitFor(
      'ok',
      async () =>
        (await getHealth({ db: t.db, heartbeatSec: 1 })).status === 'ok'
          ? getHealth({ db: t.db, heartbeatSec: 1 })
          : null,
      5_000,
    );
    expect(health.mailboxes).toEqual([
      { name: 'meldpunt', active: true, lastSyncAt: '2026-01-01T00:00:00.000Z', inError: false },
    ]);
    // A failing loop is restarted after the delay, and its failure is visible, not swallowed.
    await waitFor('restarts', () => runs >= 3, 5_000);
    expect(sup.loopStates().flaky?.lastError).toBe('boom');
    await sup.stop();
    expect(await t.db.workerHeartbeat.count()).toBe(0);
  });

  it('reports the database down', async () => {
    const dead = createDb('postgresql://x:y@127.0.0.1:1/none', 1);
    const health = await getHealth({ db: dead, heartbeatSec: 1 });
    expect(health).toMatchObject({ status: 'down', database: 'down' });
    await dead.$disconnect();
  });
});
