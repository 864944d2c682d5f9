/** IMAP and SMTP connection options for a mailbox, from its settings and login. */
import net from 'node:net';
import type { ImapFlowOptions } from 'imapflow';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Mailbox } from '../db/generated/client';
import type { TMailboxLogin } from './credentials';

export function imapOptions(mailbox: Mailbox, login: TMailboxLogin): ImapFlowOptions {
  return {
    host: mailbox.imapHost,
    port: mailbox.imapPort,
    secure: mailbox.imapTls === 'tls',
    // 'none' is for loopback test servers only: never send credentials in the clear otherwise.
    doSTARTTLS: mailbox.imapTls === 'starttls' ? true : mailbox.imapTls === 'none' ? false : undefined,
    auth: login.accessToken
      ? { user: login.user, accessToken: login.accessToken }
      : { user: login.user, pass: login.pass },
    logger: false,
    // Dovecot announces new mail ~0.5 s after delivery; start IDLE almost at once to hear it.
    autoIdleDelay: 100,
    maxIdleTime: 5 * 60_000,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 10 * 60_000,
    // A hostile server must not make us buffer without bound.
    maxLiteralSize: 60 * 1024 * 1024,
  };
}

export function smtpOptions(mailbox: Mailbox, login: TMailboxLogin): SMTPTransport.Options {
  return {
    host: mailbox.smtpHost,
    port: mailbox.smtpPort,
    secure: mailbox.smtpTls === 'tls',
    requireTLS: mailbox.smtpTls === 'starttls',
    ignoreTLS: mailbox.smtpTls === 'none',
    auth: login.accessToken
      ? { type: 'OAuth2', user: login.user, accessToken: login.accessToken }
      : { user: login.user, pass: login.pass },
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    getSocket: (_options, callback) => connectNoDelay(mailbox.smtpHost, mailbox.smtpPort, callback),
  };
}

/**
 * nodemailer's TCP connection, with Nagle's algorithm off. nodemailer writes a message's end
 * marker as a small write right after the body; with Nagle on, that write waits for the server's
 * delayed ACK on every mail, which caps throughput (figures in the README under Benchmarks). nodemailer does TLS (implicit or STARTTLS) on this socket as on its own.
 * When this connection fails, nodemailer connects by itself and reports the failure as usual
 * (its pool loses track of a connection whose socket hook fails).
 */
function connectNoDelay(
  host: string,
  port: number,
  callback: (err: null, socketOptions: { connection?: net.Socket }) => void,
): void {
  const socket = net.connect({ host, port, noDelay: true, timeout: 5_000 });
  let settled = false;
  const fallBack = () => {
    if (settled) return;
    settled = true;
    socket.destroy();
    callback(null, {});
  };
  socket.once('error', fallBack);
  socket.once('timeout', fallBack);
  socket.once('connect', () => {
    if (settled) return;
    settled = true;
    socket.off('error', fallBack);
    socket.off('timeout', fallBack);
    socket.setTimeout(0);
    callback(null, { connection: socket });
  });
}
