/**
 * An SMTP server that accepts everything and keeps it, standing in for the chain partner's mail
 * server. It can go down and come back on the same port, to test that the outbox loses nothing.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './processes';

export type TReceivedMail = ParsedMail & { raw: Buffer; envelope: { from: string | null; to: string[] } };

export type TSmtpReceiver = {
  host: string;
  port: number;
  messages: TReceivedMail[];
  /** Resolves once at least `n` messages have arrived in total. */
  waitFor: (n: number, timeoutMs?: number) => Promise<TReceivedMail[]>;
  /** Down: connections are refused until `start()`. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

export async function startSmtpReceiver(opts: { port?: number } = {}): Promise<TSmtpReceiver> {
  const host = '127.0.0.1';
  const port = opts.port ?? (await freePort());
  const messages: TReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | null = null;

  function create(): SMTPServer {
    return new SMTPServer({
      // smtp-server's built-in certificate has expired (MACHINE-NOTES): no STARTTLS in tests.
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      // The meldpunt's relay logs in, as with a real server; plain AUTH is fine on loopback.
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        callback(null, { user: auth.username });
      },
      logger: false,
      // Going down must be quick: connected clients are cut off after this rather than waited for.
      closeTimeout: 200,
      size: 50 * 1024 * 1024,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', callback);
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((mail) => {
              const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
              messages.push(
                Object.assign(mail, {
                  raw,
                  envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) },
                }),
              );
              for (const wake of waiters) wake();
              callback();
            })
            .catch(callback);
        });
      },
    });
  }

  async function start(): Promise<void> {
    if (server) return;
    const s = create();
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, host, () => {
        s.off('error', reject);
        // smtp-server re-emits a client's socket errors on the server: a worker SIGKILLed mid-
        // session (the crash test does this on purpose) resets its connection. Not a failure.
        s.on('error', () => {});
        resolve();
      });
    });
    server = s;
  }

  async function stop(): Promise<void> {
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  function waitFor(n: number, timeoutMs = 10_000): Promise<TReceivedMail[]> {
    if (messages.length >= n) return Promise.resolve(messages.slice());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(`SMTP-ontvanger: ${messages.length} van ${n} berichten ontvangen na ${timeoutMs} ms`),
        );
      }, timeoutMs);
      function check() {
        if (messages.length < n) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(messages.slice());
      }
      waiters.add(check);
    });
  }

  await start();
  return { host, port, messages, waitFor, stop, start };
}
