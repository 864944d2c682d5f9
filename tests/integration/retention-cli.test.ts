/**
 * `npm run --silent cli -- retention run [--dry-run]` and the worker's daily retention loop, on
 * meldingen stored directly (no mailbox copies; the mailbox side is in retention-job.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDb } from '../../lib/db/client';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { getKeyring } from '../../lib/secrets/keyring';
import { removeMeldingData } from '../../lib/retention/remove-melding-data';
import { toMeldingColumns } from '../../lib/melding/to-melding-columns';
import { retentionLoop } from '../../workers/jobs/retention';
import { sampleFormulier } from '../fixtures/generator/people';
import { createTestDb, type TTestDb } from '../support/db';
import { waitFor } from '../support/processes';
import { runCli } from '../support/cli';

const DAY = 24 * 3600_000;
let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const cli = (...args: string[]) => runCli(t.url, args);

async function melding(db: TDb, kenmerk: string, closedDaysAgo: number | null) {
  const formulier = sampleFormulier({ kenmerk });
  const closedAt = closedDaysAgo === null ? null : new Date(Date.now() - closedDaysAgo * DAY);
  return db.melding.create({
    data: {
      ...toMeldingColumns(formulier),
      formulier,
      receivedAt: new Date(Date.now() - ((closedDaysAgo ?? 0) + 30) * DAY),
      status: closedAt ? 'AFGEROND' : 'IN_BEHANDELING',
      uitkomst: closedAt ? 'GEEN_VERVOLG' : null,
      closedAt,
      versies: { create: { version: 1, formulier, receivedAt: new Date() } },
    },
  });
}

describe('cli retention run', () => {
  it('shows in a dry run what the run then removes, without kenmerken in the output', async () => {
    const old = await melding(t.db, 'PL1300-2026200001', 400);
    const recent = await melding(t.db, 'PL1300-2026200002', 100);
    const open = await melding(t.db, 'PL1300-2026200003', null);
    await t.db.melding.update({
      where: { id: open.id },
      data: { receivedAt: new Date(Date.now() - 500 * DAY) },
    });

    const dry = cli('retention', 'run', '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      termMaanden: number;
      meldingen: { id: string }[];
      nietAfgesloten: { id: string }[];
    };
    expect(plan).toMatchObject({ dryRun: true, termMaanden: 12 });
    expect(plan.meldingen.map((m) => m.id)).toEqual([old.id]);
    expect(plan.nietAfgesloten.map((m) => m.id)).toEqual([open.id]);
    expect(dry.stdout).not.toContain('PL1300');
    expect(await t.db.melding.count()).toBe(3);

    const run = cli('retention', 'run');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: false, meldingen: 1, nietAfgesloten: 1 });
    expect((await t.db.melding.findMany({ select: { id: true } })).map((m) => m.id).sort()).toEqual(
      [recent.id, open.id].sort(),
    );
    expect(await t.db.meldingFeit.count()).toBe(1);
    expect(
      await t.db.auditEvent.count({
        where: { action: 'bewaartermijn.uitgevoerd', actorLabel: 'systeem:cli' },
      }),
    ).toBe(1);
  });

  it('honours the configured term', async () => {
    await t.db.setting.create({ data: { key: 'bewaartermijnMaanden', value: 2 } });
    const dry = cli('retention', 'run', '--dry-run');
    expect((JSON.parse(dry.stdout) as { termMaanden: number; meldingen: unknown[] }).meldingen).toHaveLength(
      1,
    );
    await t.db.setting.delete({ where: { key: 'bewaartermijnMaanden' } });
  });

  it('refuses an unknown flag', () => {
    const res = cli('retention', 'run', '--force');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('Onbekende optie --force');
    expect(res.stderr).toContain('retention run [--dry-run]');
  });
});

describe('worker retention loop', () => {
  it('runs at once on a database never cleaned, then not again within a day', async () => {
    const fresh = await createTestDb();
    try {
      const old = await melding(fresh.db, 'PL1300-2026200010', 800);
      const controller = new AbortController();
      let clock = Date.now();
      let checks = 0;
      const loop = retentionLoop({
        db: fresh.db,
        ring: getKeyring(),
        checkMs: 100,
        now: () => (checks++, clock),
      }).run(controller.signal);
      await waitFor(
        'expired melding removed',
        async () => (await fresh.db.melding.count({ where: { id: old.id } })) === 0,
        20_000,
      );
      // Another expired melding: the loop looks at its clock twice more (each look a check whether
      // a day has passed) and leaves it; once the clock is a day on, the next run removes it.
      const later = await melding(fresh.db, 'PL1300-2026200011', 800);
      const seen = checks;
      await waitFor('two more checks', () => checks >= seen + 2, 20_000, 20);
      expect(await fresh.db.melding.count({ where: { id: later.id } })).toBe(1);
      const movedAt = new Date();
      clock += 25 * 3600_000;
      await waitFor(
        'second run',
        async () => (await fresh.db.melding.count({ where: { id: later.id } })) === 0,
        20_000,
      );
      controller.abort();
      await loop;
      const runs = await fresh.db.auditEvent.findMany({
        where: { action: 'bewaartermijn.uitgevoerd', actorLabel: 'systeem:retention' },
        orderBy: { at: 'asc' },
      });
      expect(runs).toHaveLength(2);
      expect(runs[1]!.at.getTime()).toBeGreaterThanOrEqual(movedAt.getTime());
    } finally {
      await fresh.drop();
    }
  });
});

describe('removal of one melding', () => {
  it('is all or nothing: a crash before the commit leaves the melding, its parts and no MeldingFeit', async () => {
    const m = await melding(t.db, 'PL1300-2026200020', 900);
    const feiten = await t.db.meldingFeit.count();
    const crash = t.db.$transaction(async (tx) => {
      const removed = await removeMeldingData(tx, {
        meldingId: m.id,
        where: {},
        actor: SYSTEM_ACTOR('test'),
        action: 'melding.verwijderd_bewaartermijn',
        werkdagenBeoordeling: 2,
      });
      expect(removed).toMatchObject({ versies: 1 });
      throw new Error('stroomstoring');
    });
    await expect(crash).rejects.toThrow('stroomstoring');
    expect(await t.db.melding.count({ where: { id: m.id } })).toBe(1);
    expect(await t.db.meldingVersie.count({ where: { meldingId: m.id } })).toBe(1);
    expect(await t.db.meldingFeit.count()).toBe(feiten);
    expect(
      await t.db.auditEvent.count({ where: { action: 'melding.verwijderd_bewaartermijn', objectId: m.id } }),
    ).toBe(0);
  });
});
