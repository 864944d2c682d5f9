/**
 * Notification mails for users who opted in: once per NOTIFY_INTERVAL_SEC over all workers of
 * all instances (runOncePerSlot), so nobody gets more than one mail per interval. The mails go
 * through the outbox like every other mail.
 */
import type { TDb } from '../../lib/db/client';
import { runOncePerSlot, slotOf } from '../../lib/jobs/run-once-per-slot';
import { getLogger } from '../../lib/log';
import { queueNotificationMails } from '../../lib/notify/queue-notification-mails';
import { sleep } from '../../lib/sleep';
import type { TLoop } from '../supervisor';

const log = getLogger('notify');

export function notificationsLoop(opts: { db: TDb; everyMs: number; baseUrl: string }): TLoop {
  return {
    name: 'notificaties',
    run: async (signal) => {
      while (!signal.aborted) {
        await runOncePerSlot({
          db: opts.db,
          job: 'notificaties',
          everyMs: opts.everyMs,
          run: async (slot) => {
            const queued = await queueNotificationMails({ db: opts.db, baseUrl: opts.baseUrl });
            if (queued > 0)
              log.info({
                msg: 'notifications queued',
                code: 'notify_queued',
                queued,
                slot: slot.toISOString(),
              });
          },
        });
        const next = slotOf(new Date(), opts.everyMs).getTime() + opts.everyMs;
        await sleep(next - Date.now() + Math.min(1000, opts.everyMs / 10), signal);
      }
    },
  };
}
