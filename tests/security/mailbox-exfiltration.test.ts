/**
 * Attack: a beheerder (or whoever holds that session) points a mailbox with a stored password at
 * a host of their own, clicks "verbinding testen", and reads the password off the connection.
 * Before the fix the edit kept the stored secret for the new host, TLS "none" was accepted for
 * any host, and the rogue server received `LOGIN meldpunt <password>`. Now changing where the
 * secret goes requires entering it again, TLS "none" is refused for non-loopback hosts, and the
 * rogue server receives nothing.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditActor } from '../../lib/audit/audit';
import { encryptSecret } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import { testMailboxConnection } from '../../lib/mailbox/test-mailbox-connection';
import { SECRET_REQUIRED, updateMailbox, type TMailboxUpdate } from '../../lib/mailbox/update-mailbox';
import type { Mailbox } from '../../lib/db/generated/client';
import { createTestDb, type TTestDb } from '../support/db';
import { freePort } from '../support/processes';

const STORED_SECRET = 'Opgeslagen-Mailboxwachtwoord-77';
let t: TTestDb;
let mailbox: Mailbox;
let beheerder: TAuditActor;
let rogue: Server;
let roguePort: number;
const rogueSaw: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  const user = await t.db.user.create({ data: { email: 'beheerder@meldpunt.example', role: 'BEHEERDER' } });
  beheerder = { id: user.id, label: user.email };
  mailbox = await t.db.mailbox.create({
    data: {
      name: 'Meldpunt',
      // The real server: here a closed port on this machine, so the test never leaves it.
      imapHost: '127.0.0.1',
      imapPort: await freePort(),
      imapTls: 'none',
      smtpHost: '127.0.0.1',
      smtpPort: await freePort(),
      smtpTls: 'none',
      username: 'meldpunt',
      secretEnc: encryptSecret(STORED_SECRET, getKeyring()),
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: 'signalen@politie-keten.example',
    },
  });
  // The attacker's IMAP server: greets, says OK to everything (taking AUTHENTICATE PLAIN's
  // base64 line too), writes down what it is told.
  rogue = createServer((socket: Socket) => {
    let authenticating: string | null = null;
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString('latin1').split('\r\n').filter(Boolean)) {
        if (authenticating) {
          rogueSaw.push(Buffer.from(line, 'base64').toString('latin1'));
          socket.write(`${authenticating} OK done\r\n`);
          authenticating = null;
          continue;
        }
        rogueSaw.push(line);
        const tag = line.split(' ')[0]!;
        if (/ AUTHENTICATE PLAIN$/i.test(line)) {
          authenticating = tag;
          socket.write('+ \r\n');
        } else socket.write(`${tag} OK done\r\n`);
      }
    });
  });
  roguePort = await new Promise<number>((resolve) =>
    rogue.listen(0, '127.0.0.1', () => resolve((rogue.address() as { port: number }).port)),
  );
});

afterAll(async () => {
  rogue?.close();
  await t?.drop();
});

const formFor = (patch: Partial<TMailboxUpdate>): TMailboxUpdate => ({
  name: mailbox.name,
  imapHost: mailbox.imapHost,
  imapPort: mailbox.imapPort,
  imapTls: mailbox.imapTls as 'none',
  smtpHost: mailbox.smtpHost,
  smtpPort: mailbox.smtpPort,
  smtpTls: mailbox.smtpTls as 'none',
  username: mailbox.username,
  fromAddress: mailbox.fromAddress,
  signalRecipient: mailbox.signalRecipient,
  ...patch,
});

const update = (patch: Partial<TMailboxUpdate>) =>
  updateMailbox({ db: t.db, ring: getKeyring(), actor: beheerder, id: mailbox.id, input: formFor(patch) });

describe('redirecting the stored mailbox secret', () => {
  it('refuses a new host or port without the secret, so the test connection never reaches the rogue server', async () => {
    await expect(update({ imapPort: roguePort })).rejects.toThrow(SECRET_REQUIRED);
    await expect(update({ username: 'iemand-anders' })).rejects.toThrow(SECRET_REQUIRED);
    const stored = await t.db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect(stored.imapPort).toBe(mailbox.imapPort);

    const checks = await testMailboxConnection({
      db: t.db,
      ring: getKeyring(),
      actor: beheerder,
      id: mailbox.id,
    });
    expect(checks[0]).toMatchObject({ step: 'imap', ok: false });
    expect(rogueSaw).toEqual([]);
  });

  it('accepts the new host once the secret is entered again (which the beheerder then knows anyway)', async () => {
    await update({ imapPort: roguePort, secret: 'Nieuw-Ingevuld-Wachtwoord-12' });
    await testMailboxConnection({ db: t.db, ring: getKeyring(), actor: beheerder, id: mailbox.id });
    expect(rogueSaw.join('')).toContain('Nieuw-Ingevuld-Wachtwoord-12');
    expect(rogueSaw.join('')).not.toContain(STORED_SECRET);
  });

  it('refuses TLS "none" towards any host but this machine', async () => {
    for (const host of ['imap.aanvaller.example', '10.0.0.5', '127.0.0.1.nip.io'])
      await expect(update({ imapHost: host, imapTls: 'none', secret: 'x' })).rejects.toThrow(/zonder TLS/);
    await expect(
      update({ smtpHost: 'smtp.aanvaller.example', smtpTls: 'none', secret: 'x' }),
    ).rejects.toThrow(/SMTP zonder TLS/);
    await update({ imapHost: 'localhost', imapTls: 'none', secret: STORED_SECRET });
  });
});
