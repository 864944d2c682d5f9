/**
 * Sender authenticity in the ingestion pipeline, offline: signed fixtures and a DNS resolver that
 * serves the test key. Enforce: a melding that fails goes to quarantine and gets no signal.
 * Monitor: accepted and visibly flagged. Run on the real pipeline and database, in-process, so the
 * resolver can be given to it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../lib/secrets/crypto';
import type { Mailbox } from '../../lib/db/generated/client';
import { closeParser } from '../../lib/form';
import { getKeyring } from '../../lib/secrets/keyring';
import { storeInboundMessage } from '../../lib/ingest/store-inbound-message';
import { analyseInbound, recordInbound, type TProcessInput } from '../../workers/ingest/process-inbound';
import { makeSigningKey, policeDns, sign } from '../fixtures/mail/signed-mail';
import { createTestDb, type TTestDb } from '../support/db';
import { meldingMail } from '../support/melding-mail';
import { putBytes } from '../../lib/bytes/put-bytes';
import { random, randomKenmerk } from '../support/random';

let t: TTestDb;
let uid = 0;
const key = makeSigningKey();
const resolver = policeDns(key);

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
  await closeParser();
});

async function mailbox(policy: 'ENFORCE' | 'MONITOR', authservId: string | null = null): Promise<Mailbox> {
  return t.db.mailbox.create({
    data: {
      name: `mb-${policy}-${random()}`,
      imapHost: 'h',
      smtpHost: 'h',
      username: 'u',
      secretEnc: encryptSecret('x', getKeyring()),
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: 'signalen@politie-keten.example',
      authenticityPolicy: policy,
      authservId,
    },
  });
}

/** Analyse and record, as the mailbox session does for each message. */
async function analyseAndRecord(input: TProcessInput) {
  await recordInbound(input, await analyseInbound(input));
}

async function ingest(mailbox: Mailbox, raw: Buffer) {
  uid += 1;
  const row = await storeInboundMessage(t.db, {
    mailboxId: mailbox.id,
    uidValidity: 1n,
    uid: BigInt(uid),
    rawHash: (await putBytes({ db: t.db, values: [raw] }))[0]!,
    size: raw.length,
    receivedAt: new Date(),
    messageId: null,
    subject: 'x',
    fromAddress: null,
  });
  await analyseAndRecord({
    db: t.db,
    mailbox: mailbox,
    inboundId: row.id,
    raw,
    receivedAt: new Date(),
    resolver,
  });
  return t.db.inboundMessage.findUniqueOrThrow({ where: { id: row.id }, include: { melding: true } });
}

const kenmerk = randomKenmerk;
const signals = (inboundMessageId: string) => t.db.outgoingMail.count({ where: { inboundMessageId } });

describe('sender authenticity under enforce', () => {
  it('accepts a genuine, DKIM-signed melding from politie.nl as verified', async () => {
    const mb = await mailbox('ENFORCE');
    const row = await ingest(mb, await sign(await meldingMail({ kenmerk: kenmerk() }), key));
    expect(row.state).toBe('PROCESSED');
    expect(row.melding?.authenticityVerified).toBe(true);
    expect(await signals(row.id)).toBe(1);
  });

  it.each([
    [
      'a tampered body',
      async (raw: Buffer) =>
        Buffer.from(raw.toString('latin1').replace('Zie bijlage.', 'Zie bijlage!'), 'latin1'),
    ],
    [
      'a spoofed From (unsigned)',
      async () => meldingMail({ kenmerk: kenmerk(), from: 'no-reply@politie.nl' }),
    ],
    [
      'a look-alike domain',
      async () =>
        sign(
          await meldingMail({ kenmerk: kenmerk(), from: 'no-reply@politie.nl.evil.example' }),
          key,
          'politie.nl.evil.example',
        ),
    ],
    [
      'an injected Authentication-Results header',
      async () =>
        Buffer.concat([
          Buffer.from(
            'Authentication-Results: mx.politie.nl; dkim=pass header.d=politie.nl; dmarc=pass header.from=politie.nl\r\n',
          ),
          await meldingMail({ kenmerk: kenmerk() }),
        ]),
    ],
  ])('quarantines %s without any signal', async (_name, build) => {
    const mb = await mailbox('ENFORCE');
    const genuine = await sign(await meldingMail({ kenmerk: kenmerk() }), key);
    const row = await ingest(mb, await build(genuine));
    expect(row).toMatchObject({ state: 'QUARANTINED', targetFolder: mb.quarantineFolder, meldingId: null });
    expect(row.error).toBeTruthy();
    expect(await signals(row.id)).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: 'bericht.quarantaine', objectId: row.id } })).toBe(
      1,
    );
  });

  it('believes an Authentication-Results header only from the mailbox’s own authserv-id', async () => {
    const mb = await mailbox('ENFORCE', 'mx.gemeente.example');
    const unsigned = await meldingMail({ kenmerk: kenmerk() });
    const trusted = Buffer.concat([
      Buffer.from(
        'Authentication-Results: mx.gemeente.example; dkim=pass header.d=politie.nl; dmarc=pass header.from=politie.nl\r\n',
      ),
      unsigned,
    ]);
    const row = await ingest(mb, trusted);
    expect(row.state).toBe('PROCESSED');
    expect(row.melding?.authenticityVerified).toBe(true);
  });
});

describe('sender authenticity under monitor', () => {
  it('accepts an unverified melding, flagged, with its signal', async () => {
    const mb = await mailbox('MONITOR');
    const row = await ingest(mb, await meldingMail({ kenmerk: kenmerk() }));
    expect(row.state).toBe('PROCESSED');
    expect(row.melding?.authenticityVerified).toBe(false);
    expect(await signals(row.id)).toBe(1);
  });
});

describe('DNS trouble during the check', () => {
  it('puts a melding off with backoff instead of quarantining it, and accepts it once DNS answers', async () => {
    const mb = await mailbox('ENFORCE');
    const raw = await sign(await meldingMail({ kenmerk: kenmerk() }), key);
    const flaky: typeof resolver = async () => {
      throw Object.assign(new Error('queryTxt ESERVFAIL'), { code: 'ESERVFAIL' });
    };
    uid += 1;
    const stored = await storeInboundMessage(t.db, {
      mailboxId: mb.id,
      uidValidity: 1n,
      uid: BigInt(uid),
      rawHash: (await putBytes({ db: t.db, values: [raw] }))[0]!,
      size: raw.length,
      receivedAt: new Date(),
      messageId: null,
      subject: 'x',
      fromAddress: null,
    });
    const input = {
      db: t.db,
      mailbox: mb,
      inboundId: stored.id,
      raw,
      receivedAt: new Date(),
      authRetryBaseMs: 60_000,
    };
    const before = Date.now();
    await analyseAndRecord({ ...input, resolver: flaky });
    const deferred = await t.db.inboundMessage.findUniqueOrThrow({ where: { id: stored.id } });
    expect(deferred).toMatchObject({
      state: 'STORED',
      outcome: 'AUTH_DEFERRED',
      deferrals: 1,
      meldingId: null,
    });
    expect(deferred.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(await signals(stored.id)).toBe(0);
    await analyseAndRecord({ ...input, resolver: flaky });
    const again = await t.db.inboundMessage.findUniqueOrThrow({ where: { id: stored.id } });
    // doubled: the second wait is twice the first
    expect(again.deferrals).toBe(2);
    expect(again.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    await analyseAndRecord({ ...input, resolver });
    const passed = await t.db.inboundMessage.findUniqueOrThrow({
      where: { id: stored.id },
      include: { melding: true },
    });
    expect(passed).toMatchObject({ state: 'PROCESSED', outcome: 'MELDING_ACCEPTED', retryAt: null });
    expect(passed.melding?.authenticityVerified).toBe(true);
    expect(await signals(stored.id)).toBe(1);
  });
});

describe('reprocessing', () => {
  it('is idempotent: a stored message processed twice records one outcome and one signal', async () => {
    const mb = await mailbox('MONITOR');
    const raw = await meldingMail({ kenmerk: kenmerk() });
    const row = await ingest(mb, raw);
    await analyseAndRecord({
      db: t.db,
      mailbox: mb,
      inboundId: row.id,
      raw,
      receivedAt: new Date(),
      resolver,
    });
    expect(await signals(row.id)).toBe(1);
    expect(await t.db.meldingVersie.count({ where: { inboundMessageId: row.id } })).toBe(1);
    expect(createHash('sha256').update(raw).digest('hex')).toBe(row.sha256);
  });
});
