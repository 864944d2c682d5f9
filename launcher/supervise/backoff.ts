/**
 * How long a supervised process waits before it is started again: 1 s after the first crash,
 * doubling to a cap of 60 s while it keeps crashing; a run that lasted a minute counts as
 * recovered, so the next crash starts from 1 s again.
 */
export type TBackoff = { baseMs: number; maxMs: number; stableMs: number };

export const DEFAULT_BACKOFF: TBackoff = { baseMs: 1_000, maxMs: 60_000, stableMs: 60_000 };

/** The delay after the `failures`-th crash in a row (1, 2, …). */
export function restartDelay(failures: number, policy: TBackoff = DEFAULT_BACKOFF): number {
  return Math.min(policy.baseMs * 2 ** Math.max(0, failures - 1), policy.maxMs);
}
