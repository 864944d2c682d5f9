import { describe, expect, it } from 'vitest';
import { aandeel, aantal, SMALL_COUNT, SUPPRESSED, over, verschil } from '../../lib/stats/suppress';

describe('small-cell suppression', () => {
  it('shows 1 to 4 as "< 5", and 0 and 5 or more as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 120].map(aantal)).toEqual([
      0,
      SMALL_COUNT,
      SMALL_COUNT,
      SMALL_COUNT,
      SMALL_COUNT,
      5,
      120,
    ]);
  });

  it('suppresses a percentage whose numerator or denominator is a small cell', () => {
    expect(aandeel(3, 100)).toBe(SUPPRESSED);
    expect(aandeel(4, 4)).toBe(SUPPRESSED);
    expect(aandeel(0, 3)).toBe(SUPPRESSED);
    expect(aandeel(0, 10)).toBe(0);
    expect(aandeel(5, 12)).toBe(41.7);
    expect(aandeel(0, 0)).toBeNull();
  });

  it('trend: percent change, suppressed when either year is a small cell, none without last year', () => {
    expect(verschil(12, 8)).toBe(50);
    expect(verschil(5, 6)).toBe(-16.7);
    expect(verschil(2, 10)).toBe(SUPPRESSED);
    expect(verschil(10, 4)).toBe(SUPPRESSED);
    expect(verschil(10, 0)).toBeNull();
    expect(verschil(0, 10)).toBe(-100);
  });

  it('a median over fewer than five meldingen is suppressed', () => {
    expect(over(4, 12.5)).toBe(SUPPRESSED);
    expect(over(5, 12.5)).toBe(12.5);
    expect(over(0, null)).toBeNull();
  });
});
