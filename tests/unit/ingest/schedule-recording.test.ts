import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleRecording } from '../../../lib/ingest/schedule-recording';

/** An item: its keys (null: alone), or no recording at all, or a preparation/recording that fails. */
type TItem = {
  id: number;
  keys: string[] | null;
  skip?: boolean;
  prepareFails?: boolean;
  recordFails?: boolean;
};

const ZItems = fc.array(
  fc.record({
    keys: fc.option(fc.uniqueArray(fc.constantFrom('kenmerk:A', 'kenmerk:B', 'persoon:X', 'persoon:Y'))),
    skip: fc.nat({ max: 6 }).map((n) => n === 0),
    prepareFails: fc.boolean(),
    recordFails: fc.boolean(),
  }),
  { maxLength: 12 },
);

describe('scheduleRecording', () => {
  it('records like one by one in order: shared keys never at once, keyless alone, at most N together', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        ZItems,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        async (s, raw, prepareAhead, recordAtOnce) => {
          const items: TItem[] = raw.map((r, id) => ({
            id,
            keys: r.keys,
            skip: r.skip && !r.prepareFails,
            prepareFails: r.prepareFails && r.keys !== null && id % 3 === 0,
            recordFails: r.recordFails && id % 4 === 0,
          }));
          const running = new Set<TItem>();
          const prepared = new Set<number>();
          const finished: number[] = [];
          const violations: string[] = [];
          const done = scheduleRecording<TItem, TItem>({
            items,
            prepareAhead,
            recordAtOnce,
            prepare: s.scheduleFunction(async (item: TItem) => {
              prepared.add(item.id);
              if (item.prepareFails) throw new Error(`prepare ${item.id}`);
              return item.skip ? null : item;
            }),
            sharedKeys: (item) => item.keys,
            record: async (item) => {
              for (const other of running) {
                if (item.keys === null || other.keys === null)
                  violations.push(`${item.id} beside ${other.id}, one of them keyless`);
                else if (item.keys.some((k) => other.keys!.includes(k)))
                  violations.push(`${item.id} beside ${other.id} with a shared key`);
              }
              running.add(item);
              if (running.size > recordAtOnce) violations.push(`${running.size} at once`);
              await s.schedule(Promise.resolve());
              running.delete(item);
              if (item.recordFails) throw new Error(`record ${item.id}`);
              finished.push(item.id);
            },
            failed: async (item, err) => {
              if (running.size > 0 && item.keys === null) violations.push(`failure of ${item.id} not alone`);
              finished.push(item.id);
              expect(String(err)).toMatch(new RegExp(`(prepare|record) ${item.id}$`));
            },
          });
          await s.waitFor(done);
          expect(violations).toEqual([]);
          const expected = items.filter((i) => !i.skip).map((i) => i.id);
          expect([...finished].sort((a, b) => a - b)).toEqual(expected);
          // Every item was prepared; items sharing a key (or keyless) finish in their own order.
          expect(prepared.size).toBe(items.length);
          for (const a of items)
            for (const b of items)
              if (
                a.id < b.id &&
                !a.skip &&
                !b.skip &&
                (a.keys === null || b.keys === null || a.keys.some((k) => b.keys!.includes(k)))
              )
                expect(finished.indexOf(a.id)).toBeLessThan(finished.indexOf(b.id));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prepares no more than prepareAhead items before the first is recorded', async () => {
    const prepared: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const done = scheduleRecording({
      items: [0, 1, 2, 3, 4, 5],
      prepareAhead: 2,
      recordAtOnce: 3,
      prepare: async (i) => {
        prepared.push(i);
        if (i === 0) await gate;
        return i;
      },
      sharedKeys: (i) => [`k${i}`],
      record: async () => {},
      failed: async () => {},
    });
    await new Promise((r) => setImmediate(r));
    expect(prepared).toEqual([0, 1]);
    release();
    await done;
    expect(prepared).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
