/**
 * Werkgebied: the beheerder configures it, ingestion marks meldingen outside it, and a medewerker
 * forwards such a melding to another meldpunt — a real mail through the outbox relay and an SMTP
 * receiver, with the original form attached.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../lib/secrets/crypto';
import type { Mailbox } from '../../lib/db/generated/client';
import { getKeyring } from '../../lib/secrets/keyring';
import { addAnderMeldpunt } from '../../lib/werkgebied/add-ander-meldpunt';
import { correctMeldingField } from '../../lib/melding/correct-melding-field';
import { forwardMelding } from '../../lib/melding/forward-melding';
import { getWerkgebied } from '../../lib/werkgebied/get-werkgebied';
import { recordMelding } from '../../lib/ingest/record-melding';
import { removeAnderMeldpunt } from '../../lib/werkgebied/remove-ander-meldpunt';
import { setWerkgebied } from '../../lib/werkgebied/set-werkgebied';
import { outboxRelayLoop } from '../../workers/outbox/relay';
import { PEOPLE, sampleFormulier } from '../fixtures/generator/people';
import { createTestDb, type TTestDb } from '../support/db';
import { acting, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';
import { startSmtpReceiver, type TSmtpReceiver } from '../support/smtp-receiver';
import { putBytes, sha256Hex } from '../../lib/bytes/put-bytes';
import { randomInt, randomKenmerk } from '../support/random';

let t: TTestDb;
let smtp: TSmtpReceiver;
let mailbox: Mailbox;
let beheerder: TSeedUser;
let medewerker: TSeedUser;
const as = (u: TSeedUser) => ({ id: u.id, label: u.email });

beforeAll(async () => {
  t = await createTestDb();
  smtp = await startSmtpReceiver();
  mailbox = await t.db.mailbox.create({
    data: {
      name: 'Meldpunt Rotterdam',
      imapHost: '127.0.0.1',
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpTls: 'none',
      username: 'meldpunt',
      secretEnc: encryptSecret('geheim', getKeyring()),
      fromAddress: 'meldpunt@rotterdam.example',
      signalRecipient: 'signalen@politie-keten.example',
    },
  });
  beheerder = await seedUser(t.db, 'BEHEERDER');
  medewerker = await seedUser(t.db, 'MEDEWERKER');
});
afterAll(async () => {
  await smtp?.stop();
  await t?.drop();
});

/** Records a melding as ingestion does, from a stored ledger row. */
async function ingest(patch: Parameters<typeof sampleFormulier>[0]) {
  const formulier = sampleFormulier({ kenmerk: randomKenmerk(), ...patch });
  const inbound = await t.db.inboundMessage.create({
    data: {
      mailboxId: mailbox.id,
      uidValidity: 1,
      uid: randomInt(0, 1e9),
      sha256: createHash('sha256').update(formulier.kenmerk!).digest('hex'),
      size: 1,
      rawHash: (await putBytes({ db: t.db, values: [Buffer.from('x')] }))[0],
      receivedAt: new Date(),
    },
  });
  const res = await recordMelding({
    db: t.db,
    inboundId: inbound.id,
    mailboxId: mailbox.id,
    receivedAt: new Date(),
    formulier,
    warnings: [],
    attachments: [],
    forwardedBy: null,
    authenticityVerified: true,
    authenticity: {},
    targetFolder: 'Verwerkt',
    outcome: 'MELDING_ACCEPTED',
    signal: {
      recipient: 'signalen@politie-keten.example',
      subject: 's',
      body: 'b',
      messageId: `<${inbound.id}@rotterdam.example>`,
    },
  });
  return t.db.melding.findUniqueOrThrow({ where: { id: res!.meldingId } });
}

describe('werkgebied', () => {
  it('is set by a beheerder only, replaced as a whole, audited', async () => {
    await expect(
      setWerkgebied({
        db: t.db,
        actor: as(medewerker),
        werkgebied: { gemeenten: ['Utrecht'], postcodes: [] },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      setWerkgebied({
        db: t.db,
        actor: as(beheerder),
        werkgebied: { gemeenten: [], postcodes: [{ van: 3100, tot: 3000 }] },
      }),
    ).rejects.toThrow();
    await setWerkgebied({
      db: t.db,
      actor: as(beheerder),
      werkgebied: { gemeenten: ['Schiedam'], postcodes: [] },
    });
    const saved = await setWerkgebied({
      db: t.db,
      actor: as(beheerder),
      werkgebied: {
        gemeenten: ['Rotterdam', 'rotterdam', 'Capelle aan den IJssel'],
        postcodes: [
          { van: 3000, tot: 3099 },
          { van: 3190, tot: 3199, gemeente: 'Rotterdam' },
        ],
      },
    });
    expect(saved.gemeenten).toHaveLength(2);
    expect(await getWerkgebied({ db: t.db })).toEqual({
      gemeenten: ['Capelle aan den IJssel', 'rotterdam'],
      postcodes: [
        { van: 3000, tot: 3099, gemeente: null },
        { van: 3190, tot: 3199, gemeente: 'Rotterdam' },
      ],
    });
    expect(
      await t.db.auditEvent.count({ where: { action: 'werkgebied.gewijzigd', actorId: beheerder.id } }),
    ).toBe(2);
  });

  it('marks at ingestion a melding whose betrokkene lives outside, or without an address whose voorval was outside', async () => {
    const inside = await ingest({ betrokkene: PEOPLE[0]! }); // 3011AB Rotterdam
    expect(inside).toMatchObject({ pc4: 3011, buitenWerkgebied: false });
    const utrecht = await ingest({ betrokkene: { ...PEOPLE[0]!, postcode: '3511AB', plaats: 'Utrecht' } });
    expect(utrecht).toMatchObject({ pc4: 3511, gemeente: 'Utrecht', buitenWerkgebied: true });
    const homeless = { ...PEOPLE[0]!, adres: null, postcode: null, plaats: null };
    const voorvalOutside = await ingest({
      betrokkene: homeless,
      voorval: { van: null, tot: null, postcode: '2511AA', plaats: 'Den Haag' },
    });
    expect(voorvalOutside).toMatchObject({ pc4: 2511, buitenWerkgebied: true });
    const voorvalInside = await ingest({
      betrokkene: homeless,
      voorval: { van: null, tot: null, postcode: '3192AB', plaats: 'Hoogvliet' },
    });
    expect(voorvalInside.buitenWerkgebied).toBe(false);
    const unknown = await ingest({
      betrokkene: homeless,
      voorval: { van: null, tot: null, postcode: null, plaats: null },
    });
    expect(unknown.buitenWerkgebied).toBe(false);
  });

  it("derives the gemeente from the postcode's range, else keeps the form's plaats marked as such; a correction follows", async () => {
    // 3011 lies in a range without a gemeente: the form's plaats, marked.
    expect(await ingest({ betrokkene: PEOPLE[0]! })).toMatchObject({
      gemeente: 'Rotterdam',
      gemeenteBron: 'PLAATS',
    });
    const hoogvliet = await ingest({
      betrokkene: { ...PEOPLE[0]!, postcode: '3192AB', plaats: 'Hoogvliet' },
    });
    expect(hoogvliet).toMatchObject({ pc4: 3192, gemeente: 'Rotterdam', gemeenteBron: 'POSTCODE' });
    const utrecht = await ingest({ betrokkene: { ...PEOPLE[0]!, postcode: '3511AB', plaats: 'Utrecht' } });
    expect(utrecht).toMatchObject({ gemeente: 'Utrecht', gemeenteBron: 'PLAATS' });
    await correctMeldingField({
      ...acting(t.db, medewerker),
      meldingId: utrecht.id,
      field: 'betrokkene.postcode',
      value: '3195XY',
    });
    expect(await t.db.melding.findUniqueOrThrow({ where: { id: utrecht.id } })).toMatchObject({
      pc4: 3195,
      gemeente: 'Rotterdam',
      gemeenteBron: 'POSTCODE',
    });
  });
});

describe('andere meldpunten and doorsturen', () => {
  it('lets only a beheerder keep the list of other meldpunten', async () => {
    await expect(
      addAnderMeldpunt({ db: t.db, actor: as(medewerker), naam: 'X', email: 'x@x.example' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      addAnderMeldpunt({ db: t.db, actor: as(beheerder), naam: 'Utrecht', email: 'geen adres' }),
    ).rejects.toThrow();
    const tijdelijk = await addAnderMeldpunt({
      db: t.db,
      actor: as(beheerder),
      naam: 'Tijdelijk',
      email: 'tijdelijk@elders.example',
    });
    await expect(
      addAnderMeldpunt({ db: t.db, actor: as(beheerder), naam: 'Tijdelijk', email: 'ander@elders.example' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await removeAnderMeldpunt({ db: t.db, actor: as(beheerder), id: tijdelijk.id });
    expect(await t.db.anderMeldpunt.count()).toBe(0);
    expect(
      await t.db.auditEvent.count({
        where: { action: { in: ['ander_meldpunt.toegevoegd', 'ander_meldpunt.verwijderd'] } },
      }),
    ).toBe(2);
  });

  it('forwards a melding with the original form attached and closes it as DOORGESTUURD', async () => {
    const utrecht = await addAnderMeldpunt({
      db: t.db,
      actor: as(beheerder),
      naam: 'Meldpunt Utrecht',
      email: 'Meldpunt@Utrecht.example',
    });
    const melding = await seedMelding(t.db, {
      mailboxId: mailbox.id,
      formulier: { betrokkene: { ...PEOPLE[1]!, postcode: '3511AB', plaats: 'Utrecht' } },
    });
    const form = await t.db.attachment.findFirstOrThrow({
      where: { meldingId: melding.id, isForm: true },
    });

    await expect(
      forwardMelding({
        ...acting(t.db, beheerder),
        meldingId: melding.id,
        anderMeldpuntId: utrecht.id,
        reden: 'BUITEN_WERKGEBIED',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      forwardMelding({
        ...acting(t.db, medewerker),
        meldingId: melding.id,
        anderMeldpuntId: beheerder.id,
        reden: 'BUITEN_WERKGEBIED',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await forwardMelding({
      ...acting(t.db, medewerker),
      meldingId: melding.id,
      anderMeldpuntId: utrecht.id,
      reden: 'BUITEN_WERKGEBIED',
      includeForm: true,
      toelichting: 'Betrokkene is verhuisd naar Utrecht.',
    });

    const after = await t.db.melding.findUniqueOrThrow({ where: { id: melding.id } });
    expect(after).toMatchObject({
      status: 'AFGEROND',
      uitkomst: 'DOORGESTUURD',
      loketAdvies: 'Meldpunt Utrecht',
      uitkomstToelichting: 'Betrokkene is verhuisd naar Utrecht.',
    });
    expect(after.closedAt).toBeInstanceOf(Date);
    expect(
      await t.db.statusChange.count({
        where: { meldingId: melding.id, to: 'AFGEROND', uitkomst: 'DOORGESTUURD', actorId: medewerker.id },
      }),
    ).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: 'melding.doorgestuurd', objectId: melding.id, outcome: 'SUCCESS' },
    });
    expect(audit.actorId).toBe(medewerker.id);
    expect(
      await t.db.auditEvent.count({
        where: {
          action: 'melding.doorgestuurd',
          objectId: melding.id,
          outcome: 'DENIED',
          actorId: beheerder.id,
        },
      }),
    ).toBe(1);
    expect(audit.personKey).toBeTruthy();
    const queued = await t.db.outgoingMail.findFirstOrThrow({
      where: { meldingId: melding.id, kind: 'DOORSTUREN' },
    });
    expect(queued).toMatchObject({
      recipient: 'meldpunt@utrecht.example',
      subject: `Doorst: melding niet-acute zorg met ${melding.kenmerk}`,
      state: 'QUEUED',
    });

    // A second time: it is closed now.
    await expect(
      forwardMelding({
        ...acting(t.db, medewerker),
        meldingId: melding.id,
        anderMeldpuntId: utrecht.id,
        reden: 'BUITEN_WERKGEBIED',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });

    // The relay sends it with the stored form attached, byte for byte.
    const controller = new AbortController();
    const relay = outboxRelayLoop({
      db: t.db,
      ring: getKeyring(),
      config: { databaseUrl: t.url, baseMs: 200, maxMs: 1000, maxAttempts: 5, pollMs: 200 },
    }).run(controller.signal);
    try {
      const start = Date.now();
      while (!smtp.messages.some((m) => m.subject?.includes(melding.kenmerk)) && Date.now() - start < 20_000)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      controller.abort();
      await relay;
    }
    const sent = smtp.messages.find((m) => m.subject?.includes(melding.kenmerk))!;
    expect(sent.envelope.to).toEqual(['meldpunt@utrecht.example']);
    expect(sent.text).toContain('Betrokkene is verhuisd naar Utrecht.');
    expect(sent.attachments).toHaveLength(1);
    expect(sent.attachments[0]).toMatchObject({ filename: form.filename, contentType: 'application/pdf' });
    expect(sha256Hex(sent.attachments[0]!.content)).toBe(form.contentHash);
    expect((await t.db.outgoingMail.findUniqueOrThrow({ where: { id: queued.id } })).state).toBe('SENT');
  });
});
