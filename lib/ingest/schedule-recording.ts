/**
 * The order in which a mailbox session works through waiting messages (workers/mailbox/session.ts),
 * as pure scheduling: the session supplies what preparing and recording one message means.
 *
 * Items are taken in their given order. Up to `prepareAhead` of them are prepared ahead (nothing
 * written). Their recordings run each on its own, up to `recordAtOnce` at a time, but never two
 * that share a key at once, and one without keys (null) alone, after everything before it has
 * finished: the outcome is what recording the items one by one in order would give. A failed
 * preparation or recording goes to `failed` for that item only, in turn, alone.
 */
export async function scheduleRecording<TItem, TPrepared>(opts: {
  items: readonly TItem[];
  prepareAhead: number;
  recordAtOnce: number;
  /** Works an item out; null: nothing to record (e.g. parked, or done already). */
  prepare: (item: TItem) => Promise<TPrepared | null>;
  /** What recording the item reads and writes beyond its own rows; null: record it alone. */
  sharedKeys: (prepared: TPrepared) => string[] | null;
  record: (item: TItem, prepared: TPrepared) => Promise<void>;
  failed: (item: TItem, err: unknown) => Promise<void>;
}): Promise<void> {
  const { items } = opts;
  const preparing: (Promise<TPrepared | null> | undefined)[] = [];
  const start = (i: number) => {
    const job = opts.prepare(items[i]!);
    job.catch(() => {}); // awaited below, in order; this only keeps an early failure from counting as unhandled
    preparing[i] = job;
  };
  const recording = new Set<Promise<void>>();
  const busy = new Set<string>();
  for (let i = 0; i < Math.min(opts.prepareAhead, items.length); i++) start(i);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const prepared = await preparing[i]!.then(
      (value) => ({ ok: true as const, value }),
      (err: unknown) => ({ ok: false as const, err }),
    );
    preparing[i] = undefined;
    if (i + opts.prepareAhead < items.length) start(i + opts.prepareAhead);
    if (prepared.ok && prepared.value === null) continue;
    const keys = prepared.ok ? opts.sharedKeys(prepared.value!) : null;
    while (
      recording.size > 0 &&
      (keys === null || recording.size >= opts.recordAtOnce || keys.some((k) => busy.has(k)))
    )
      await Promise.race(recording);
    const record = (async () => {
      try {
        if (!prepared.ok) throw prepared.err;
        await opts.record(item, prepared.value!);
      } catch (err) {
        await opts.failed(item, err);
      }
    })();
    if (keys === null) {
      await record;
      continue;
    }
    for (const k of keys) busy.add(k);
    const tracked = record.finally(() => {
      recording.delete(tracked);
      for (const k of keys) busy.delete(k);
    });
    recording.add(tracked);
  }
  await Promise.all(recording);
}
