/**
 * The SMTP step of "Verbinding testen" explains itself like the IMAP step: real nodemailer
 * errors (which wrap the system's code in ESOCKET / ECONNECTION) become a cause in Dutch, never
 * a bare "(ESOCKET)".
 */
import { createServer, type Server, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { explainConnectionError } from '../../lib/mailbox/explain-connection-error';
import { freePort } from '../support/processes';

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  for (const s of servers) await new Promise((r) => s.close(r));
});

/** A TCP server on a free port that does `onConnect` with each client. */
async function tcpServer(onConnect: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    onConnect(socket);
  });
  servers.push(server);
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return port;
}

async function smtpError(port: number, secure = false): Promise<unknown> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure,
    connectionTimeout: 5000,
    greetingTimeout: 2000,
  });
  return transport.verify().then(
    () => {
      throw new Error('verify unexpectedly succeeded');
    },
    (err: unknown) => err,
  );
}

describe('SMTP connection errors from nodemailer, explained', () => {
  it('a closed port: no connection, with the advice to check host, port, TLS mode and firewall', async () => {
    const err = (await smtpError(await freePort())) as { code?: string };
    expect(err.code).toBe('ESOCKET');
    const text = explainConnectionError('smtp', err, { oauth: false });
    // Refused, filtered and a wrong TLS mode read alike, so the test is no port scanner (issue 15).
    expect(text).toMatch(/^Geen verbinding met de SMTP-server/);
    expect(text).toContain('firewall');
    expect(text).not.toContain('ESOCKET');
  });

  it('a server that hangs up at once: the same answer as a closed port (an open port is not told apart)', async () => {
    const port = await tcpServer((socket) => socket.destroy());
    const text = explainConnectionError('smtp', await smtpError(port), { oauth: false });
    expect(text).toBe(explainConnectionError('smtp', await smtpError(await freePort()), { oauth: false }));
    expect(text).toMatch(/TLS-modus/);
    expect(text).not.toMatch(/\(E[A-Z]+\)/);
  });

  it('TLS spoken to a plain-text server: the TLS setting does not fit the port', async () => {
    const port = await tcpServer((socket) => socket.write('220 test ESMTP\r\n'));
    const text = explainConnectionError('smtp', await smtpError(port, true), { oauth: false });
    expect(text).toMatch(/TLS/);
    expect(text).not.toMatch(/\(E[A-Z]+\)/);
  });
});
