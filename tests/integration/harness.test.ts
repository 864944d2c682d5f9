/**
 * Proves the mail test harness against the real servers: a private Dovecot (APPEND, FETCH, IDLE,
 * restart) and the SMTP receiver (delivery, downtime on the same port). The worker tests build on it.
 * Each test stands alone: its own Dovecot user (so its own INBOX), its own SMTP receiver.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startDovecot, type TDovecot } from '../support/dovecot';
import { isAlive, waitFor } from '../support/processes';
import { startSmtpReceiver, type TSmtpReceiver } from '../support/smtp-receiver';
import { composeRaw } from '../fixtures/mail/compose';

const user = (name: string) => ({ user: `meldpunt-${name}`, password: `geheim-${name}` });
const USERS = {
  append: user('append'),
  folders: user('folders'),
  idle: user('idle'),
  restart: user('restart'),
  password: user('password'),
};

describe('private Dovecot', () => {
  let dovecot: TDovecot;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: Object.values(USERS) });
  });

  afterAll(async () => {
    const pid = dovecot.pid();
    await dovecot.stop();
    expect(pid && isAlive(pid)).toBe(false);
  });

  it('stores an appended message and returns it byte for byte', async () => {
    const USER = USERS.append;
    const raw = await composeRaw({ subject: 'melding niet-acute zorg met 2026000001' });
    const appended = await dovecot.appendRaw(USER.user, 'INBOX', raw);
    expect(appended.uid).toBe(1);
    const client = await dovecot.connect(USER.user);
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const msg = await client.fetchOne(
          String(appended.uid),
          { source: true, envelope: true },
          { uid: true },
        );
        expect(msg && msg.envelope?.subject).toBe('melding niet-acute zorg met 2026000001');
        expect(msg && msg.source?.equals(raw)).toBe(true);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  });

  it('creates folders with "/" as separator', async () => {
    const USER = USERS.folders;
    await dovecot.appendRaw(USER.user, 'Meldpost/Verwerkt', await composeRaw({ subject: 'map' }));
    const client = await dovecot.connect(USER.user);
    try {
      const list = await client.list();
      expect(list.find((m) => m.path === 'Meldpost/Verwerkt')?.delimiter).toBe('/');
    } finally {
      await client.logout();
    }
  });

  it('notifies an idling client of new mail', async () => {
    const USER = USERS.idle;
    const client = await dovecot.connect(USER.user, { autoIdleDelay: 50 });
    try {
      await client.mailboxOpen('INBOX');
      const exists = new Promise<{ count: number; at: number }>((resolve) =>
        client.once('exists', (e: { count: number }) => resolve({ count: e.count, at: Date.now() })),
      );
      await waitFor('the client in IDLE', () => client.idling, 5000, 10);
      const sent = Date.now();
      await dovecot.appendRaw(
        USER.user,
        'INBOX',
        await composeRaw({ subject: 'melding niet-acute zorg met 2026000002' }),
      );
      const event = await exists;
      expect(event.count).toBe(1);
      expect(event.at - sent).toBeLessThan(3000); // Dovecot waits ~500 ms before it notifies
    } finally {
      await client.logout();
    }
  });

  it('survives a restart: the old connection closes, a new one sees the same mail', async () => {
    const USER = USERS.restart;
    await dovecot.appendRaw(USER.user, 'INBOX', await composeRaw({ subject: 'voor herstart' }));
    const client = await dovecot.connect(USER.user, { autoIdleDelay: 50 });
    await client.mailboxOpen('INBOX');
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const before = dovecot.pid();
    await dovecot.restart();
    await closed;
    expect(dovecot.pid()).not.toBe(before);
    expect(before && isAlive(before)).toBe(false);

    await dovecot.appendRaw(USER.user, 'INBOX', await composeRaw({ subject: 'na herstart' }));
    const again = await dovecot.connect(USER.user);
    try {
      const status = await again.status('INBOX', { messages: true });
      expect(status && status.messages).toBe(2);
    } finally {
      await again.logout();
    }
  });

  it('refuses a wrong password', async () => {
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: USERS.password.user, pass: 'fout' },
      logger: false,
    });
    client.on('error', () => {});
    await expect(client.connect()).rejects.toMatchObject({ authenticationFailed: true });
  });
});

describe('SMTP receiver', () => {
  // A receiver of its own per test.
  let smtp: TSmtpReceiver;

  beforeEach(async () => {
    smtp = await startSmtpReceiver();
  });

  afterEach(async () => {
    await smtp.stop();
  });

  const transport = () =>
    nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true });

  it('receives a mail sent with nodemailer, parsed and raw', async () => {
    await transport().sendMail({
      from: 'meldpunt@gemeente.example',
      to: 'ketenpartner@politie.nl',
      subject: 'Acceptatiesignaal: melding niet-acute zorg met 2026000001',
      text: 'Uw bericht is succesvol verwerkt.',
      messageId: '<vast-id@gemeente.example>',
      inReplyTo: '<a1b2c3@politie.nl>',
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({
      subject: 'Acceptatiesignaal: melding niet-acute zorg met 2026000001',
      messageId: '<vast-id@gemeente.example>',
      inReplyTo: '<a1b2c3@politie.nl>',
    });
    expect(mail?.envelope.to).toEqual(['ketenpartner@politie.nl']);
    expect(mail?.raw.toString()).toContain('Message-ID: <vast-id@gemeente.example>');
  });

  it('goes down and comes back on the same port', async () => {
    await smtp.stop();
    await expect(
      transport().sendMail({
        from: 'a@gemeente.example',
        to: 'b@politie.nl',
        subject: 'tijdens storing',
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'ESOCKET' });
    await smtp.start();
    await transport().sendMail({
      from: 'a@gemeente.example',
      to: 'b@politie.nl',
      subject: 'na storing',
      text: 'x',
    });
    const all = await smtp.waitFor(1);
    expect(all.map((m) => m.subject)).toEqual(['na storing']);
  });

  it('times out clearly when too few mails arrive', async () => {
    await transport().sendMail({ from: 'a@gemeente.example', to: 'b@politie.nl', subject: 'een', text: 'x' });
    await expect(smtp.waitFor(99, 100)).rejects.toThrow(/1 van 99 berichten/);
  });
});
