/**
 * The one retry delay: doubling from `baseMs` with each failed attempt (the first retry waits
 * `baseMs`), never more than `maxMs`.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
}
