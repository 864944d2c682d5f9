/**
 * Attacks on small-cell suppression (a coordinator's view of the statistics):
 * - subtraction within one view: a breakdown with one "< 5" beside exact cells and an exact total
 *   gives the hidden count as total minus the rest. Before the fix the hand-built data set's
 *   gemeente table showed Rotterdam 9 and Schiedam "< 5" beside a total of 12: Schiedam = 3.
 * - subtraction across queries: two periods one day apart differed by that day's meldingen, so
 *   the PC4 and uitkomst tables named one melding's PC4 and outcome. Periods are now whole
 *   months: any two periods one day apart within a month give the same tables.
 * - subtraction across days: the running month grew by the day, so the same query today and
 *   yesterday differed by today's meldingen. Periods now end with the last month that is over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStatistieken } from '../../lib/stats/get-statistieken';
import { parseStatsFilter } from '../../lib/stats/period';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { buildTables, type TTabel } from '../../lib/stats/tables';
import { createTestDb, type TTestDb } from '../support/db';
import { seedStatsDataset } from '../support/stats-dataset';

let t: TTestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedStatsDataset(t.db);
  await refreshStatistieken({ db: t.db });
});

afterAll(async () => {
  await t?.drop();
});

const tablesFor = async (params: Record<string, string>, today?: string) =>
  buildTables(
    await getStatistieken({ db: t.db, role: 'COORDINATOR', filter: parseStatsFilter(params, today) }),
  );

/** Breakdowns whose counts add up to the total of the view, with the column holding the counts. */
const BREAKDOWNS: Partial<Record<TTabel['key'], number>> = {
  eenheid: 2,
  gemeente: 1,
  pc4: 1,
  status: 1,
  uitkomst: 1,
};

describe('subtraction attacks on the statistics', () => {
  it('no breakdown hides exactly one cell, so total minus the rest never gives a hidden count', async () => {
    const derivable: unknown[] = [];
    const filters: Record<string, string>[] = [{}, { gemeente: 'Rotterdam' }, { gemeente: 'Schiedam' }];
    for (const filter of filters) {
      const tables = await tablesFor({ van: '2026-04-01', tot: '2026-04-30', ...filter });
      const series = tables.find((table) => table.key === 'aantallen')!.rijen;
      // A total shown as "< 5" gives nothing to subtract from.
      if (typeof series.at(-1)![1] !== 'number') continue;
      const columns: [TTabel['key'], number, TTabel['rijen']][] = [
        ['aantallen', 1, series.slice(0, -1)],
        ...tables.flatMap((table): [TTabel['key'], number, TTabel['rijen']][] => {
          const column = BREAKDOWNS[table.key];
          return column === undefined ? [] : [[table.key, column, table.rijen]];
        }),
      ];
      for (const [table, column, rows] of columns)
        if (rows.filter((row) => typeof row[column] === 'string').length === 1)
          derivable.push({ table, filter, rows });
    }
    expect(derivable).toEqual([]);
  });

  it('two periods one day apart give identical tables', async () => {
    for (let day = 2; day <= 30; day++) {
      const tot = `2026-04-${String(day).padStart(2, '0')}`;
      const before = `2026-04-${String(day - 1).padStart(2, '0')}`;
      const [shorter, longer] = await Promise.all([
        tablesFor({ van: '2026-04-01', tot: before, stap: 'maand' }),
        tablesFor({ van: '2026-04-01', tot, stap: 'maand' }),
      ]);
      expect(longer.map((table) => table.rijen)).toEqual(shorter.map((table) => table.rijen));
    }
  });

  it('leaves out the running month, which grows by the day, with or without a filter', async () => {
    // On 21 April 2026 the April meldingen in the data set are the month so far: asked up to
    // today, the tables stop at 31 March, the same as on any other day of April.
    for (const filter of [{}, { gemeente: 'Schiedam' }] as Record<string, string>[]) {
      const upToMarch = await tablesFor({ van: '2025-05-01', tot: '2026-03-31', stap: 'maand', ...filter });
      for (const today of ['2026-04-02', '2026-04-21', '2026-04-30']) {
        const asked = await tablesFor({ van: '2025-05-01', tot: today, stap: 'maand', ...filter }, today);
        expect(asked[0]!.periode).toBe('1 mei 2025 t/m 31 maart 2026');
        expect(asked[0]!.rijen.map((row) => row[0])).not.toContain('2026-04');
        expect(asked.map((table) => table.rijen)).toEqual(upToMarch.map((table) => table.rijen));
      }
    }
  });
});
