import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  filterLabel,
  filterParams,
  parseStatsFilter,
  periodLabel,
  previousYear,
  shiftYears,
} from '../../lib/stats/period';
import { kalenderRows } from '../../lib/stats/kalender';
import { werkdagenTussen } from '../../lib/werkdagen';

describe('statistics period and filter', () => {
  it('defaults to the twelve whole months before this one, with a step to suit the length', () => {
    expect(parseStatsFilter({}, '2026-11-23')).toEqual({
      van: '2025-11-01',
      tot: '2026-10-31',
      gemeente: null,
      eenheid: null,
      basisteam: null,
      stap: 'maand',
    });
    expect(parseStatsFilter({ van: '2026-04-01', tot: '2026-04-30' }, '2026-11-23').stap).toBe('dag');
    expect(parseStatsFilter({ van: '2026-01-01', tot: '2026-05-31' }, '2026-11-23').stap).toBe('week');
    expect(parseStatsFilter({ van: '2021-11-23', tot: '2026-11-23' }, '2026-11-23').stap).toBe('jaar');
    expect(
      parseStatsFilter({
        van: '2026-04-01',
        tot: '2026-04-30',
        stap: 'jaar',
        gemeente: ' Rotterdam ',
        eenheid: '',
      }).gemeente,
    ).toBe('Rotterdam');
  });

  it('never reaches into the running month: it grows by the day, so two days would differ by one melding', () => {
    const dagen = ['2026-11-01', '2026-11-02', '2026-11-23', '2026-11-30'];
    // Asked up to today or later: the period stops at the last month that is over, the same every day.
    for (const today of dagen)
      expect(parseStatsFilter({ van: '2026-01-01', tot: '2026-12-31' }, today)).toMatchObject({
        van: '2026-01-01',
        tot: '2026-10-31',
      });
    expect(parseStatsFilter({ tot: '2026-11-23', gemeente: 'Schiedam' }, '2026-11-23').tot).toBe(
      '2026-10-31',
    );
    // Once November is over it counts.
    expect(parseStatsFilter({ van: '2026-11-01', tot: '2026-11-30' }, '2026-12-01').tot).toBe('2026-11-30');
    // Only the running month asked for: refused with a reason in Dutch.
    expect(() => parseStatsFilter({ van: '2026-11-01', tot: '2026-11-30' }, '2026-11-23')).toThrow(
      /lopende maand/,
    );
  });

  it('refuses impossible dates, reversed and overlong periods and unknown steps', () => {
    expect(() => parseStatsFilter({ van: '2026-02-30' })).toThrow(ZodError);
    expect(() => parseStatsFilter({ van: '2026-05-01', tot: '2026-04-01' })).toThrow(ZodError);
    expect(() => parseStatsFilter({ van: '2010-01-01', tot: '2026-04-01' })).toThrow(ZodError);
    expect(() => parseStatsFilter({ van: "2026-01-01'; DROP TABLE x; --" })).toThrow(ZodError);
    expect(() => parseStatsFilter({ stap: 'uur' })).toThrow(ZodError);
  });

  it('compares with the same days one year earlier (29 February → 28 February)', () => {
    expect(previousYear({ van: '2024-02-29', tot: '2024-12-31' })).toEqual({
      van: '2023-02-28',
      tot: '2023-12-31',
    });
    expect(shiftYears('2026-04-30', -1)).toBe('2025-04-30');
  });

  it('labels the period and the filter in Dutch, and round-trips as search parameters', () => {
    const f = parseStatsFilter({ van: '2025-01-01', tot: '2025-12-31', gemeente: 'Schiedam' });
    expect(periodLabel(f)).toBe('1 januari 2025 t/m 31 december 2025');
    expect(filterLabel(f)).toBe('gemeente Schiedam');
    expect(parseStatsFilter(Object.fromEntries(filterParams(f)))).toEqual(f);
  });

  it('the werkdag calendar gives werkdagenTussen by subtraction', () => {
    const rows = kalenderRows('2026-12-31');
    const nr = new Map(rows.map((r) => [r.datum.toISOString().slice(0, 10), r.werkdagNr]));
    for (const [a, b] of [
      ['2026-04-02', '2026-04-07'],
      ['2026-04-24', '2026-04-28'],
      ['2025-12-24', '2026-01-05'],
      ['2026-11-20', '2026-11-23'],
    ] as const) {
      expect(nr.get(b)! - nr.get(a)!).toBe(
        werkdagenTussen(new Date(`${a}T12:00:00Z`), new Date(`${b}T12:00:00Z`)),
      );
    }
    expect(rows[0]!.datum.toISOString().slice(0, 10)).toBe('2000-01-01');
  });
});
