import { describe, expect, it } from 'vitest';
import { isRestartLoop, type TProcessStatus } from '../../lib/health/supervisor-status';
import { restartDelay } from '../../launcher/supervise/backoff';

const status = (patch: Partial<TProcessStatus>): TProcessStatus => ({
  state: 'running',
  pid: 1,
  restarts: 0,
  recentRestartsAt: [],
  lastExit: null,
  nextStartAt: null,
  ...patch,
});

describe('restart backoff', () => {
  it('doubles from 1 s to a cap of 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => restartDelay(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('calls it a restart loop while waiting, or after three restarts within ten minutes', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    const ago = (min: number) => new Date(now - min * 60_000).toISOString();
    expect(isRestartLoop(status({ state: 'waiting' }), now)).toBe(true);
    expect(isRestartLoop(status({ recentRestartsAt: [ago(1), ago(2)] }), now)).toBe(false);
    expect(isRestartLoop(status({ recentRestartsAt: [ago(1), ago(2), ago(9)] }), now)).toBe(true);
    expect(isRestartLoop(status({ recentRestartsAt: [ago(1), ago(2), ago(11)] }), now)).toBe(false);
  });
});
