/**
 * The outbox relay: sends queued mail over each mailbox's SMTP server with the Message-ID fixed at
 * queue time, retrying with exponential backoff and parking what keeps failing as FAILED (shown
 * to staff). Woken at once by NOTIFY from the transaction that queued a mail; polls as a fallback.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import pg from 'pg';
import type { TKeyring } from '../../lib/secrets/crypto';
import type { TDb } from '../../lib/db/client';
import type { Mailbox, OutgoingMail } from '../../lib/db/generated/client';
import { errFields, getLogger } from '../../lib/log';
import { Wakeup } from '../../lib/sleep';
import { mailboxConfigKey } from '../../lib/mailbox/config-key';
import { explainConnectionError } from '../../lib/mailbox/explain-connection-error';
import { getMailboxLogin } from '../../lib/mailbox/credentials';
import { smtpOptions } from '../../lib/mailbox/transports';
import { getOutgoingAttachments } from '../../lib/outbox/get-outgoing-attachments';
import { OUTBOX_CHANNEL } from '../../lib/outbox/queue-outgoing';
import { sendDueOutgoing, type TRetryPolicy, type TSendResult } from '../../lib/outbox/send-due-outgoing';
import type { TLoop } from '../supervisor';
import { appendSentCopy } from './sent-copy';
import { getSettings } from '../../lib/settings/get-settings';

const log = getLogger('outbox');

export type TRelayConfig = TRetryPolicy & { databaseUrl: string; pollMs: number };

/**
 * Mails sent side by side, each holding its own row lock (so never one twice) and its own pooled
 * SMTP connection: one at a time, the round trips of a send cap a backlog at ~15 mails/s.
 */
const SEND_AT_ONCE = 3;

export function outboxRelayLoop(opts: { db: TDb; ring: TKeyring; config: TRelayConfig }): TLoop {
  const pooled = new Map<string, { configKey: string; transport: Promise<Transporter> }>();

  /**
   * Runs one send over the mailbox's SMTP transport. Password mailboxes share a pool (connections
   * kept open, not a connect, EHLO and login per mail) until the mailbox changes; OAuth2 tokens
   * expire, so those get a connection with a fresh token per mail.
   */
  const withTransport = async <T>(
    mailbox: Mailbox,
    fn: (transport: Transporter) => Promise<T>,
  ): Promise<T> => {
    if (mailbox.authType !== 'PASSWORD') {
      const transport = nodemailer.createTransport(
        smtpOptions(mailbox, await getMailboxLogin(mailbox, opts.ring)),
      );
      try {
        return await fn(transport);
      } finally {
        transport.close();
      }
    }
    const configKey = mailboxConfigKey(mailbox);
    let entry = pooled.get(mailbox.id);
    if (entry?.configKey !== configKey) {
      const old = entry;
      const created = getMailboxLogin(mailbox, opts.ring).then((login) =>
        nodemailer.createTransport({
          ...smtpOptions(mailbox, login),
          pool: true,
          maxConnections: SEND_AT_ONCE,
        }),
      );
      entry = { configKey, transport: created };
      pooled.set(mailbox.id, entry);
      // A login that fails is not kept: the next send tries again.
      created.catch(() => pooled.get(mailbox.id) === entry && pooled.delete(mailbox.id));
      old?.transport.then(
        (t) => t.close(),
        () => {},
      );
    }
    return fn(await entry.transport);
  };

  /**
   * The mail is out: a failing copy must not send it again. It is logged and noted on the row
   * (shown with the mail on the melding's timeline), and the next mail tries afresh.
   */
  const copyToSent = async (
    mailbox: Mailbox,
    folder: string,
    raw: Buffer,
    row: OutgoingMail,
  ): Promise<string | null> => {
    try {
      await appendSentCopy(mailbox, folder, raw, opts.ring);
      return null;
    } catch (err) {
      log.warn({
        msg: 'copy to sent folder failed',
        code: 'outbox_sent_copy_failed',
        outgoingId: row.id,
        folder,
        err: errFields(err),
      });
      const { responseText } = err as { responseText?: unknown };
      const why =
        typeof responseText === 'string'
          ? `de IMAP-server antwoordt: ${responseText}`
          : explainConnectionError('imap', err, {
              oauth: mailbox.authType !== 'PASSWORD',
              google: mailbox.authType === 'OAUTH2_GOOGLE',
            });
      return `Verzonden, maar geen kopie in de map "${folder}" van de mailbox: ${why}`;
    }
  };

  const send = async (row: OutgoingMail): Promise<TSendResult> => {
    try {
      const mb = await opts.db.mailbox.findUniqueOrThrow({ where: { id: row.mailboxId } });
      // The meldpunt's name as display name, so the officer sees who writes (nodemailer encodes it).
      const { meldpuntNaam } = await getSettings({ db: opts.db });
      const technical =
        row.kind === 'ACCEPTATIESIGNAAL' || row.kind === 'FOUTMELDING' || row.kind === 'NOTIFICATIE';
      const attachments = await getOutgoingAttachments(opts.db, row);
      // Composed once, so the copy in the Sent folder is byte for byte what the receiver got.
      const raw = await new MailComposer({
        from: { name: meldpuntNaam, address: mb.fromAddress },
        to: row.recipient,
        subject: row.subject,
        text: row.body,
        messageId: row.messageId,
        inReplyTo: row.inReplyTo ?? undefined,
        references: row.references.length ? row.references : undefined,
        attachments,
        // RFC 3834: machine-made signals must not trigger out-of-office replies.
        headers: technical
          ? { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' }
          : undefined,
      })
        .compile()
        .build();
      await withTransport(mb, (transport) =>
        transport.sendMail({ envelope: { from: mb.fromAddress, to: [row.recipient] }, raw }),
      );
      log.info({
        msg: 'mail sent',
        code: 'outbox_sent',
        outgoingId: row.id,
        kind: row.kind,
        attempt: row.attempts + 1,
      });
      const sentFolder = mb.sentFolder;
      return { ok: true, afterCommit: sentFolder ? () => copyToSent(mb, sentFolder, raw, row) : null };
    } catch (err) {
      // Only a 5xx answer to this message's recipient or content is final; a refused login or
      // sender is the mailbox's configuration, which a beheerder can fix: keep retrying.
      const { responseCode, command } = err as { responseCode?: number; command?: string };
      const permanent =
        typeof responseCode === 'number' &&
        responseCode >= 500 &&
        (command === 'RCPT TO' || command === 'DATA');
      log.warn({
        msg: 'sending failed',
        code: permanent ? 'outbox_rejected' : 'outbox_retry',
        outgoingId: row.id,
        kind: row.kind,
        attempt: row.attempts + 1,
        err: errFields(err),
      });
      return { ok: false, error: errFields(err).message, permanent };
    }
  };

  return {
    name: 'outbox',
    run: async (signal) => {
      const wakeup = new Wakeup();
      // Bounded: a connect or LISTEN that never answers (a database half way through a restart)
      // must fail the loop, which the supervisor restarts, rather than stall the outbox for good.
      const listener = new pg.Client({
        connectionString: opts.config.databaseUrl,
        connectionTimeoutMillis: 10_000,
        query_timeout: 10_000,
        keepAlive: true,
      });
      listener.on('notification', wakeup.wake);
      // A broken listener must not kill the loop silently: fall back to polling and let the
      // supervisor restart us on the next error.
      listener.on('error', (err) =>
        log.warn({ msg: 'outbox listener error', code: 'outbox_listen_error', err: errFields(err) }),
      );
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
      try {
        while (!signal.aborted) {
          // Drain everything that is due.
          const drain = async () => {
            while (!signal.aborted && (await sendDueOutgoing(opts.db, send, opts.config))) {
              /* next */
            }
          };
          await Promise.all(Array.from({ length: SEND_AT_ONCE }, drain));
          await wakeup.wait(opts.config.pollMs, signal);
        }
      } finally {
        await listener.end().catch(() => {});
        // Closed, and forgotten: a restarted loop that found a closed pool here would hand it
        // mail that it never sends (found by tests/integration/start-faults.test.ts).
        for (const { transport } of pooled.values())
          transport.then(
            (t) => t.close(),
            () => {},
          );
        pooled.clear();
      }
    },
  };
}
