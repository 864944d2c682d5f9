/**
 * Nothing lost, nothing doubled: mail that arrives while the worker is down, a Dovecot restart
 * during IDLE, SMTP downtime, a UIDVALIDITY reset, two workers on one mailbox.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { composeRaw } from '../fixtures/mail/compose';
import { MAILBOX_USER, startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { meldingMail } from '../support/melding-mail';
import { waitFor } from '../support/processes';

let env: TIngestEnv | null = null;
afterEach(async () => {
  await env?.stop();
  env = null;
  await closeParser();
});

const kenmerken = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `PL1300-2026${prefix}${String(i).padStart(3, '0')}`);
const signalCount = (e: TIngestEnv, ks: string[]) =>
  new Set(e.smtp.messages.filter((m) => ks.some((k) => m.subject?.endsWith(k))).map((m) => m.messageId)).size;

describe('ingestion resilience', () => {
  it('ingests mail that arrived while the worker was down', async () => {
    env = await startIngestEnv();
    const ks = kenmerken('100', 3);
    for (const k of ks) await env.deliver(await meldingMail({ kenmerk: k }));
    env.startWorker();
    await waitFor('3 signals', () => signalCount(env!, ks) === 3, 30_000);
    expect(await env.t.db.melding.count()).toBe(3);
  });

  it('reconnects after a Dovecot restart during IDLE and ingests what arrived meanwhile', async () => {
    env = await startIngestEnv({ pollIntervalSec: 60 });
    env.startWorker();
    const [first, second] = kenmerken('200', 2);
    await env.deliver(await meldingMail({ kenmerk: first! }));
    await waitFor('first signal', () => signalCount(env!, [first!]) === 1, 20_000);
    await env.dovecot.restart();
    await env.deliver(await meldingMail({ kenmerk: second! }));
    await waitFor('second signal', () => signalCount(env!, [second!]) === 1, 30_000);
    expect(await env.t.db.melding.count()).toBe(2);
  });

  it('sends the signals once SMTP is back: none lost, none doubled', async () => {
    env = await startIngestEnv();
    await env.smtp.stop();
    env.startWorker();
    const ks = kenmerken('300', 3);
    for (const k of ks) await env.deliver(await meldingMail({ kenmerk: k }));
    await waitFor('3 meldingen', async () => (await env!.t.db.melding.count()) === 3, 30_000);
    await waitFor(
      'a failed attempt',
      async () =>
        (await env!.t.db.outgoingMail.count({ where: { attempts: { gt: 0 }, state: 'QUEUED' } })) > 0,
      20_000,
    );
    await env.smtp.start();
    await waitFor('3 signals', () => signalCount(env!, ks) === 3, 30_000);
    await env.settled();
    expect(env.smtp.messages.length).toBe(3);
    expect(await env.t.db.outgoingMail.count({ where: { state: 'SENT' } })).toBe(3);
  });

  it('rescans after a UIDVALIDITY change without processing anything twice', async () => {
    env = await startIngestEnv({ otherMailAction: 'LEAVE' });
    env.startWorker();
    // Mail that is left in the inbox is seen again after the reset, under new UIDs.
    await env.deliver(await composeRaw({ subject: 'Nieuwsbrief', from: 'info@elders.example' }));
    await waitFor(
      'recorded',
      async () => (await env!.t.db.inboundMessage.count({ where: { state: 'IGNORED' } })) === 1,
      20_000,
    );
    const before = await env.t.db.inboundMessage.findFirstOrThrow();

    // Dovecot assigns a new UIDVALIDITY when its uid list and indexes are gone.
    await env.dovecot.restart();
    const maildir = path.join(env.dovecot.dir, 'mail', MAILBOX_USER.user);
    for (const f of readdirSync(maildir))
      if (f.startsWith('dovecot')) rmSync(path.join(maildir, f), { recursive: true, force: true });
    await env.dovecot.restart();

    const [k] = kenmerken('400', 1);
    await env.deliver(await meldingMail({ kenmerk: k! }));
    await waitFor('signal after reset', () => signalCount(env!, [k!]) === 1, 30_000);
    const rows = await env.t.db.inboundMessage.findMany({
      where: { sha256: before.sha256 },
      orderBy: { storedAt: 'asc' },
    });
    expect(rows).toHaveLength(2);
    expect(rows[1]!.uidValidity).not.toBe(before.uidValidity);
    expect(rows[1]!.error).toMatch(/Dubbel ontvangen/);
    expect(await env.t.db.melding.count()).toBe(1);
  });

  it('two workers on one mailbox process each message once', async () => {
    env = await startIngestEnv();
    env.startWorker();
    env.startWorker();
    const ks = kenmerken('500', 10);
    for (const k of ks) await env.deliver(await meldingMail({ kenmerk: k }));
    await waitFor('10 signals', () => signalCount(env!, ks) === 10, 60_000);
    await env.settled();
    expect(env.smtp.messages.length).toBe(10);
    expect(await env.t.db.melding.count()).toBe(10);
    expect(await env.t.db.outgoingMail.count()).toBe(10);
  });
});
