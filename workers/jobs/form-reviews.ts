/**
 * Reads the forms medewerkers asked to review (an upload, or a work-queue message's form) in the
 * parser's guarded thread, so the web server never opens a hostile file itself. Polls once per
 * `pollMs`; the medewerker's page refreshes when the answer is stored.
 */
import type { TDb } from '../../lib/db/client';
import { readPendingFormReviews } from '../../lib/form-review/read-pending-form-reviews';
import { announceChange } from '../../lib/live/changes';
import { sleep } from '../../lib/sleep';
import type { TLoop } from '../supervisor';

export function formReviewsLoop(opts: { db: TDb; pollMs: number }): TLoop {
  return {
    name: 'formuliercontrole',
    run: async (signal) => {
      while (!signal.aborted) {
        if ((await readPendingFormReviews({ db: opts.db })) > 0) await announceChange(opts.db);
        await sleep(opts.pollMs, signal);
      }
    },
  };
}
