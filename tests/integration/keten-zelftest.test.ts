/**
 * The keten-zelftest end to end through real SMTP, Dovecot and PostgreSQL: the test mail leaves
 * through the outbox, arrives in the meldpunt's own mailbox (the SMTP receiver stands in for the
 * route between them: what it received is delivered to Dovecot), every step passes, no melding is
 * made, nothing goes to the police's signal recipient, the mail is removed — and a forged or
 * replayed test mail is ordinary mail.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKeyring } from '../../lib/secrets/keyring';
import { getKetenZelftest } from '../../lib/zelftest/get-keten-zelftest';
import { removeZelftestMail } from '../../lib/zelftest/remove-zelftest-mail';
import { startKetenZelftest } from '../../lib/zelftest/start-keten-zelftest';
import { ZELFTEST_SUBJECT } from '../../lib/zelftest/zelftest-steps';
import { SIGNAL_RECIPIENT, startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { acting, seedUser, type TSeedUser } from '../support/melding-seed';
import { waitFor } from '../support/processes';

let env: TIngestEnv;
let beheerder: TSeedUser;

beforeAll(async () => {
  env = await startIngestEnv();
  env.startWorker();
  beheerder = await seedUser(env.t.db, 'BEHEERDER');
});
afterAll(async () => {
  await env.stop();
});

/** The SMTP receiver's copy of the mail with this Message-ID, once it arrived. */
const received = (messageId: string) =>
  waitFor(
    `mail ${messageId} sent`,
    () => env.smtp.messages.find((m) => m.messageId === messageId) ?? false,
    30_000,
  );

const run = async (signalTo: string | null) => {
  const { id } = await startKetenZelftest({
    db: env.t.db,
    actor: acting(env.t.db, beheerder).actor,
    mailboxId: env.mailbox.id,
    signalTo,
  });
  const row = await env.t.db.ketenZelftest.findUniqueOrThrow({ where: { id } });
  const sent = await received(row.messageId);
  expect(sent.envelope.to).toEqual([env.mailbox.fromAddress]);
  await env.deliver(sent.raw);
  await waitFor(
    'zelftest signal composed',
    async () => (await env.t.db.ketenZelftest.findUniqueOrThrow({ where: { id } })).signalSubject !== null,
    30_000,
  );
  await env.settled();
  return { id, raw: sent.raw, messageId: row.messageId };
};

describe('keten-zelftest', () => {
  it('passes every step, makes no melding, sends nothing to the police, and removes the test mail', async () => {
    const before = await getKetenZelftest({ db: env.t.db, mailboxId: env.mailbox.id });
    expect(before).toBeNull();
    const { id, raw, messageId } = await run(null);

    const status = (await getKetenZelftest({ db: env.t.db, mailboxId: env.mailbox.id }))!;
    expect(status.id).toBe(id);
    expect(status.steps.map((s) => [s.key, s.status])).toEqual([
      ['verzonden', 'ok'],
      ['gezien', 'ok'],
      ['gelezen', 'ok'],
      ['signaal', 'ok'],
      ['verwijderd', 'bezig'],
    ]);
    expect(status.signal?.subject).toContain('Acceptatiesignaal');
    expect(await env.t.db.melding.count()).toBe(0);
    expect(env.smtp.messages.filter((m) => m.envelope.to.includes(SIGNAL_RECIPIENT))).toEqual([]);
    expect(await env.t.db.outgoingMail.count({ where: { recipient: SIGNAL_RECIPIENT } })).toBe(0);

    const ring = getKeyring();
    expect(
      await removeZelftestMail({
        db: env.t.db,
        ring,
        actor: acting(env.t.db, beheerder).actor,
        zelftestId: id,
      }),
    ).toBe(true);
    expect(await env.folderUids('INBOX')).toEqual([]);
    const done = (await getKetenZelftest({ db: env.t.db, mailboxId: env.mailbox.id }))!;
    expect(done.steps.every((s) => s.status === 'ok')).toBe(true);
    expect(done.finished).toBe(true);
    const actions = (
      await env.t.db.auditEvent.findMany({ where: { action: { startsWith: 'zelftest.' } } })
    ).map((e) => e.action);
    expect(actions.sort()).toEqual(['zelftest.gestart', 'zelftest.ontvangen', 'zelftest.verwijderd']);

    // The same mail again, after the test is over: ordinary other mail, not a zelftest.
    await env.deliver(raw);
    const replay = await waitFor(
      'replayed test mail decided',
      async () =>
        (await env.t.db.inboundMessage.findFirst({
          where: { messageId, outcome: { not: null }, state: { notIn: ['STORED', 'FAILED'] } },
        })) ?? false,
      30_000,
    );
    expect(replay).toMatchObject({ outcome: 'OTHER', subject: ZELFTEST_SUBJECT });
  });

  it('sends the signal only to the address the beheerder named; a forged marker is ordinary mail', async () => {
    await expect(
      startKetenZelftest({
        db: env.t.db,
        actor: acting(env.t.db, beheerder).actor,
        mailboxId: env.mailbox.id,
        signalTo: SIGNAL_RECIPIENT,
      }),
    ).rejects.toMatchObject({ code: 'validation' });

    const { raw, messageId } = await run('beheer@gemeente.example');
    const signal = await waitFor(
      'zelftest signal to the beheerder',
      () => env.smtp.messages.find((m) => m.envelope.to.includes('beheer@gemeente.example')) ?? false,
      30_000,
    );
    expect(signal.subject).toMatch(/^TEST Acceptatiesignaal/);
    expect(signal.inReplyTo).toBe(messageId);
    expect(await env.t.db.melding.count()).toBe(0);
    expect(env.smtp.messages.filter((m) => m.envelope.to.includes(SIGNAL_RECIPIENT))).toEqual([]);

    // A forged test mail: the marker subject, but a Message-ID no zelftest sent.
    const forgedId = `<${randomUUID()}@gemeente.example>`;
    await env.deliver(Buffer.from(raw.toString('utf8').replace(messageId, forgedId)));
    const forged = await waitFor(
      'forged test mail decided',
      async () =>
        (await env.t.db.inboundMessage.findFirst({
          where: { messageId: forgedId, outcome: { not: null }, state: { notIn: ['STORED', 'FAILED'] } },
        })) ?? false,
      30_000,
    );
    expect(forged).toMatchObject({
      outcome: 'OTHER',
      subject: ZELFTEST_SUBJECT,
      targetFolder: env.mailbox.otherFolder,
    });
    expect(await env.t.db.ketenZelftest.count({ where: { inboundMessageId: forged.id } })).toBe(0);
  });
});
