import 'server-only';
import { hostname } from 'node:os';
import type { TDb } from '../db/client';

/** How long run records are kept: enough to see the schedule was kept, not a growing table. */
const KEEP_MS = 14 * 24 * 3600_000;

/** The start of the period of length `everyMs` that `now` falls in (periods count from the epoch). */
export function slotOf(now: Date, everyMs: number): Date {
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
}

/**
 * Runs `run` only if no worker — of this instance or another on the same database — has run
 * `job` in the current slot. The claim is one INSERT on the (job, slot) key: of workers racing
 * for a slot exactly one inserts, the others see a duplicate and skip. Returns whether it ran.
 * A run that fails keeps its claim (no retry within the slot; the next slot runs again).
 */
export async function runOncePerSlot(opts: {
  db: TDb;
  job: string;
  everyMs: number;
  now?: Date;
  run: (slot: Date) => Promise<void>;
}): Promise<boolean> {
  const now = opts.now ?? new Date();
  const slot = slotOf(now, opts.everyMs);
  const claimed = await opts.db.jobRun.createMany({
    data: [{ job: opts.job, slot, claimedBy: `${hostname()}:${process.pid}` }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return false;
  await opts.run(slot);
  await opts.db.jobRun.update({
    where: { job_slot: { job: opts.job, slot } },
    data: { finishedAt: new Date() },
  });
  await opts.db.jobRun.deleteMany({
    where: { job: opts.job, slot: { lt: new Date(now.getTime() - KEEP_MS) } },
  });
  return true;
}
