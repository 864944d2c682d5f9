/**
 * Attack: a beheerder uses "verbinding testen" as a port scanner, pointing a mailbox at arbitrary
 * hosts and ports of the network the server sits in, and reads open / closed / filtered / TLS off
 * the answer. Before the fix the texts told a port that hangs up (open) from a refused one, and
 * the timing told everything else: a refused port answered within milliseconds, a silent
 * (filtered) one after the 10 s connect or greeting timeout. Now every way of not reaching a mail
 * server gets one text, and every failed step is answered at one fixed moment after it started
 * (injected here as 1.5 s; 12 s in production).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditActor } from '../../lib/audit/audit';
import { testMailboxConnection } from '../../lib/mailbox/test-mailbox-connection';
import { encryptSecret } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import { mailboxSecretContext } from '../../lib/secrets/secret-context';
import { createTestDb, type TTestDb } from '../support/db';
import { freePort } from '../support/processes';

const ANSWER_MS = 1500;
let t: TTestDb;
let beheerder: TAuditActor;
const servers: Server[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  t = await createTestDb();
  const user = await t.db.user.create({ data: { email: 'beheerder@meldpunt.example', role: 'BEHEERDER' } });
  beheerder = { id: user.id, label: user.email };
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  for (const server of servers) await new Promise((r) => server.close(r));
  await t?.drop();
});

/** A TCP service on a free local port that does `onConnect` with each client. */
async function listener(onConnect: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    onConnect(socket);
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

/** "Verbinding testen" with IMAP and SMTP both pointed at one target; its answer and how long it took. */
async function probe(port: number, tls: 'tls' | 'none') {
  const id = randomUUID();
  await t.db.mailbox.create({
    data: {
      id,
      name: `doelwit-${id}`,
      imapHost: '127.0.0.1',
      imapPort: port,
      imapTls: tls,
      smtpHost: '127.0.0.1',
      smtpPort: port,
      smtpTls: tls,
      username: 'meldpunt',
      secretEnc: encryptSecret('Wachtwoord-Scan-40', getKeyring(), mailboxSecretContext(id)),
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: 'signalen@politie-keten.example',
    },
  });
  const started = performance.now();
  const checks = await testMailboxConnection({
    db: t.db,
    ring: getKeyring(),
    actor: beheerder,
    id,
    failedStepAnswerMs: ANSWER_MS,
  });
  return { checks, ms: performance.now() - started };
}

describe('verbinding testen is no port scanner', () => {
  it('answers closed, silent (filtered), hang-up and TLS-mismatch targets alike, and not before the fixed moment', async () => {
    const targets = {
      closed: { port: await freePort(), tls: 'none' as const },
      silent: { port: await listener(() => {}), tls: 'none' as const },
      hangsUp: { port: await listener((socket) => socket.destroy()), tls: 'none' as const },
      tlsToPlain: {
        port: await listener((socket) => socket.write('* OK plain text only\r\n')),
        tls: 'tls' as const,
      },
    };
    const answers: Record<string, { imap: string; smtp: string; ms: number }> = {};
    for (const [name, target] of Object.entries(targets)) {
      const { checks, ms } = await probe(target.port, target.tls);
      const imap = checks.find((c) => c.step === 'imap')!;
      const smtp = checks.find((c) => c.step === 'smtp')!;
      expect([imap.ok, smtp.ok]).toEqual([false, false]);
      answers[name] = { imap: imap.message, smtp: smtp.message, ms };
    }
    // Figures, not assertions: when each answer came.
    console.log(
      `verbinding testen, answer times (fixed moment ${ANSWER_MS} ms): ${Object.entries(answers)
        .map(([name, a]) => `${name} ${Math.round(a.ms)} ms`)
        .join(', ')}`,
    );
    expect(new Set(Object.values(answers).map((a) => a.imap)).size).toBe(1);
    expect(new Set(Object.values(answers).map((a) => a.smtp)).size).toBe(1);
    // A refused port fails within milliseconds; its answer still waits for the fixed moment.
    for (const a of Object.values(answers)) expect(a.ms).toBeGreaterThanOrEqual(ANSWER_MS - 5);
    // The silent target would hold the test for the 10 s connect/greeting timeout; it is cut off
    // at the fixed moment instead (a wide margin for a busy machine, far below 10 s).
    expect(answers.silent!.ms).toBeLessThan(8000);
  });
});
