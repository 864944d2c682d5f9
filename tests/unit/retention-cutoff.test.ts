import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../lib/retention/retention';

describe('retentionCutoff', () => {
  it('goes back whole calendar months', () => {
    expect(retentionCutoff(new Date('2026-11-23T11:00:00Z'), 12).toISOString()).toBe(
      '2025-11-23T11:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2026-03-15T00:00:00Z'), 3).toISOString()).toBe(
      '2025-12-15T00:00:00.000Z',
    );
  });
  it('clamps to the last day of a shorter month', () => {
    expect(retentionCutoff(new Date('2026-03-31T08:00:00Z'), 1).toISOString()).toBe(
      '2026-02-28T08:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2024-02-29T08:00:00Z'), 12).toISOString()).toBe(
      '2023-02-28T08:00:00.000Z',
    );
  });
});
