import { describe, expect, it } from 'vitest';
import { feestdagen, isWerkdag, werkdagenTussen } from '../../lib/werkdagen';

describe('werkdagen', () => {
  it('knows the Dutch public holidays, moving ones included', () => {
    expect([...feestdagen(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    // Koningsdag moves to the 26th when the 27th is a Sunday (2025).
    expect(feestdagen(2025).has('2025-04-26')).toBe(true);
    expect(feestdagen(2024).has('2024-03-31')).toBe(false); // Eerste Paasdag is a Sunday anyway
    expect(feestdagen(2024).has('2024-04-01')).toBe(true);
  });

  it('counts werkdagen across weekends and holidays, in Dutch local time', () => {
    expect(isWerkdag('2026-11-23')).toBe(true);
    expect(isWerkdag('2026-11-22')).toBe(false);
    // Friday evening → Monday morning: one werkdag.
    expect(
      werkdagenTussen(new Date('2026-11-20T18:00:00+01:00'), new Date('2026-11-23T09:00:00+01:00')),
    ).toBe(1);
    // Thursday before Easter → Tuesday after: Friday counts, Easter Monday does not.
    expect(
      werkdagenTussen(new Date('2026-04-02T10:00:00+02:00'), new Date('2026-04-07T10:00:00+02:00')),
    ).toBe(2);
    // Late on the 24th of December → the 28th: the Christmas days do not count.
    expect(
      werkdagenTussen(new Date('2026-12-24T23:30:00+01:00'), new Date('2026-12-28T08:00:00+01:00')),
    ).toBe(1);
    // 23:30 UTC on a Sunday is already Monday in Amsterdam.
    expect(werkdagenTussen(new Date('2026-11-20T12:00:00Z'), new Date('2026-11-22T23:30:00Z'))).toBe(1);
    expect(werkdagenTussen(new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T16:00:00Z'))).toBe(0);
  });
});
