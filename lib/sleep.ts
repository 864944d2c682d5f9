/** Waits `ms`, or less when `signal` aborts; leaves no listener behind either way. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A wait that something else can cut short: `wait` sleeps up to `ms` (or until `signal` aborts),
 * `wake` ends the current wait, or — when nobody waits — the next one at once, so a wake-up
 * that comes while the loop is busy (new mail, an outbox notification) is not lost.
 */
export class Wakeup {
  private waiting: AbortController | null = null;
  private pending = false;

  wake = (): void => {
    this.pending = true;
    this.waiting?.abort();
  };

  async wait(ms: number, signal: AbortSignal): Promise<void> {
    if (!this.pending && !signal.aborted) {
      const woken = new AbortController();
      this.waiting = woken;
      await sleep(ms, AbortSignal.any([signal, woken.signal]));
      this.waiting = null;
    }
    this.pending = false;
  }
}
