/**
 * The outbox relay: sends queued mail over each mailbox's SMTP server with the Message-ID fixed at
 * queue time, retrying with exponential backoff and parking what keeps failing as FAILED (shown
 * to staff). Woken at once by NOTIFY from the transaction that queued a mail; polls as a fallback.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import pg from 'pg';
import type { TKeyring } from '../../lib/crypto';
import type { TDb } from '../../lib/db/client';
import type { Mailbox, OutgoingMail } from '../../lib/db/generated/client';
import { errFields, getLogger } from '../../lib/log';
import { mailboxConfigKey } from '../../lib/mailbox/config-key';
import { getMailboxLogin } from '../../lib/mailbox/credentials';
import { smtpOptions } from '../../lib/mailbox/transports';
import { getOutgoingAttachments } from '../../lib/server/get-outgoing-attachments';
import { OUTBOX_CHANNEL } from '../../lib/server/queue-outgoing';
import { sendDueOutgoing, type TRetryPolicy, type TSendResult } from '../../lib/server/send-due-outgoing';
import type { TLoop } from '../supervisor';

const log = getLogger('outbox');

export type TRelayConfig = TRetryPolicy & { databaseUrl: string; pollMs: number };

export function outboxRelayLoop(o: { db: TDb; ring: TKeyring; config: TRelayConfig }): TLoop {
  const transports = new Map<string, { configKey: string; transport: Transporter }>();

  const transportFor = async (mb: Mailbox): Promise<Transporter> => {
    const cached = transports.get(mb.id);
    // OAuth2 tokens expire: build OAuth transports afresh; password ones live until the mailbox changes.
    if (cached && cached.configKey === mailboxConfigKey(mb) && mb.authType === 'PASSWORD') return cached.transport;
    cached?.transport.close();
    // Pooled: one SMTP connection kept open and reused, not a connect, EHLO and login per mail.
    const transport = nodemailer.createTransport({ ...smtpOptions(mb, await getMailboxLogin(mb, o.ring)), pool: true, maxConnections: 1 });
    transports.set(mb.id, { configKey: mailboxConfigKey(mb), transport });
    return transport;
  };

  const send = async (row: OutgoingMail): Promise<TSendResult> => {
    try {
      const mb = await o.db.mailbox.findUniqueOrThrow({ where: { id: row.mailboxId } });
      const transport = await transportFor(mb);
      const technical = row.kind === 'ACCEPTATIESIGNAAL' || row.kind === 'FOUTMELDING';
      await transport.sendMail({
        from: mb.fromAddress,
        to: row.recipient,
        subject: row.subject,
        text: row.body,
        messageId: row.messageId,
        inReplyTo: row.inReplyTo ?? undefined,
        references: row.references.length ? row.references : undefined,
        attachments: await getOutgoingAttachments(o.db, row),
        // RFC 3834: machine-made signals must not trigger out-of-office replies.
        headers: technical ? { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' } : undefined,
      });
      log.info({ msg: 'mail sent', code: 'outbox_sent', outgoingId: row.id, kind: row.kind, attempt: row.attempts + 1 });
      return { ok: true };
    } catch (err) {
      // Only a 5xx answer to this message's recipient or content is final; a refused login or
      // sender is the mailbox's configuration, which a beheerder can fix: keep retrying.
      const { responseCode, command } = err as { responseCode?: number; command?: string };
      const permanent = typeof responseCode === 'number' && responseCode >= 500 && (command === 'RCPT TO' || command === 'DATA');
      log.warn({ msg: 'sending failed', code: permanent ? 'outbox_rejected' : 'outbox_retry', outgoingId: row.id, kind: row.kind, attempt: row.attempts + 1, err: errFields(err) });
      return { ok: false, error: errFields(err).message, permanent };
    }
  };

  return {
    name: 'outbox',
    run: async (signal) => {
      let wake: (() => void) | null = null;
      const listener = new pg.Client({ connectionString: o.config.databaseUrl });
      listener.on('notification', () => wake?.());
      // A broken listener must not kill the loop silently: fall back to polling and let the
      // supervisor restart us on the next error.
      listener.on('error', (err) => log.warn({ msg: 'outbox listener error', code: 'outbox_listen_error', err: errFields(err) }));
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
      try {
        while (!signal.aborted) {
          while (!signal.aborted && (await sendDueOutgoing(o.db, send, o.config))) {
            /* drain everything that is due */
          }
          await new Promise<void>((resolve) => {
            const t = setTimeout(done, o.config.pollMs);
            function done() {
              clearTimeout(t);
              wake = null;
              signal.removeEventListener('abort', done);
              resolve();
            }
            wake = done;
            signal.addEventListener('abort', done, { once: true });
          });
        }
      } finally {
        await listener.end().catch(() => {});
        for (const t of transports.values()) t.transport.close();
      }
    },
  };
}
