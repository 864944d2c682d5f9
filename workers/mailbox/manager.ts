/**
 * Keeps one session running for every active mailbox this worker holds. Reads the mailbox table
 * every few seconds, so adding, changing or disabling a mailbox takes effect without a restart;
 * a changed mailbox gets a fresh session with its new settings.
 */
import { hostname } from 'node:os';
import type { TKeyring } from '../../lib/secrets/crypto';
import type { TDb } from '../../lib/db/client';
import type { Mailbox } from '../../lib/db/generated/client';
import { backoffMs } from '../../lib/backoff';
import { sleep } from '../../lib/sleep';
import { errFields, getLogger } from '../../lib/log';
import { mailboxConfigKey } from '../../lib/mailbox/config-key';
import { MailboxConfigError } from '../../lib/mailbox/credentials';
import { setMailboxSessionState } from '../../lib/metrics/set-mailbox-session-state';
import type { TLoop } from '../supervisor';
import { tryHoldMailbox } from './holder-lock';
import { runMailboxSession, type TSessionConfig } from './session';

const log = getLogger('mailbox-manager');

type TRunning = { controller: AbortController; configKey: string; task: Promise<void> };

export type TManagerConfig = TSessionConfig & {
  databaseUrl: string;
  scanMs: number;
  retryBaseMs: number;
  configErrorRetryMs: number;
};

export function mailboxManagerLoop(opts: { db: TDb; ring: TKeyring; config: TManagerConfig }): TLoop {
  const holder = `${hostname()}:${process.pid}`;
  return {
    name: 'mailboxes',
    run: async (signal) => {
      const running = new Map<string, TRunning>();
      const failures = new Map<string, { count: number; until: number; configKey: string }>();

      const startSession = async (mb: Mailbox) => {
        const lock = await tryHoldMailbox(opts.config.databaseUrl, mb.id);
        if (!lock) return; // another worker holds it
        const controller = new AbortController();
        const task = (async () => {
          await opts.db.mailbox.update({ where: { id: mb.id }, data: { holder } });
          try {
            await runMailboxSession({
              db: opts.db,
              mailbox: mb,
              ring: opts.ring,
              signal: controller.signal,
              config: opts.config,
              lockLost: lock.lost,
            });
            failures.delete(mb.id);
            setMailboxSessionState(mb.name, 'stopped');
          } catch (err) {
            const prev = failures.get(mb.id);
            const count = (prev?.count ?? 0) + 1;
            // A configuration error waits long (or for the mailbox to change); anything else backs
            // off exponentially from a few seconds to five minutes.
            const delay =
              err instanceof MailboxConfigError
                ? opts.config.configErrorRetryMs
                : backoffMs(count, opts.config.retryBaseMs, 300_000);
            failures.set(mb.id, { count, until: Date.now() + delay, configKey: mailboxConfigKey(mb) });
            setMailboxSessionState(
              mb.name,
              err instanceof MailboxConfigError ? 'config_error' : 'reconnecting',
            );
            const message = errFields(err).message;
            log.warn({
              msg: 'mailbox session ended with an error',
              code: err instanceof MailboxConfigError ? 'mailbox_config_error' : 'mailbox_session_error',
              mailbox: mb.name,
              err: errFields(err),
              retryInMs: delay,
            });
            await opts.db.mailbox
              .update({
                where: { id: mb.id },
                data: { lastError: message.slice(0, 500), lastErrorAt: new Date() },
              })
              .catch(() => {});
          } finally {
            await opts.db.mailbox
              .updateMany({ where: { id: mb.id, holder }, data: { holder: null } })
              .catch(() => {});
            await lock.release();
            running.delete(mb.id);
          }
        })();
        running.set(mb.id, { controller, configKey: mailboxConfigKey(mb), task });
      };

      try {
        while (!signal.aborted) {
          const active = await opts.db.mailbox.findMany({ where: { active: true } });
          const byId = new Map(active.map((m) => [m.id, m]));
          for (const [id, r] of running) {
            const mb = byId.get(id);
            if (!mb || mailboxConfigKey(mb) !== r.configKey) r.controller.abort();
          }
          for (const mb of active) {
            if (running.has(mb.id)) continue;
            const f = failures.get(mb.id);
            if (f && f.until > Date.now() && f.configKey === mailboxConfigKey(mb)) continue;
            await startSession(mb).catch((err) =>
              log.error({
                msg: 'could not start mailbox session',
                code: 'mailbox_start_error',
                mailbox: mb.name,
                err: errFields(err),
              }),
            );
          }
          await sleep(opts.config.scanMs, signal);
        }
      } finally {
        for (const r of running.values()) r.controller.abort();
        await Promise.allSettled([...running.values()].map((r) => r.task));
      }
    },
  };
}
