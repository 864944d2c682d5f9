/**
 * Reading one melding against a real database: the audited view, timeline (with replies and who
 * viewed it), eerdere meldingen, the original PDF and the police mail (HTML sanitised), the mail
 * templates — and refusal for other roles and guessed ids.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRaw } from '../fixtures/mail/compose';
import { PEOPLE } from '../fixtures/generator/people';
import { createTestDb, type TTestDb } from '../support/db';
import { acting, seedMailbox, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';
import { addNote } from '../../lib/melding/add-note';
import { correctMeldingField } from '../../lib/melding/correct-melding-field';
import { getAttachment } from '../../lib/melding/get-attachment';
import { getEerdereMeldingen } from '../../lib/melding/get-eerdere-meldingen';
import { getMailTemplate } from '../../lib/settings/get-mail-template';
import { getMeldingById } from '../../lib/melding/get-melding-by-id';
import { getMeldingEmail } from '../../lib/melding/get-melding-email';
import { getMeldingTimeline } from '../../lib/melding/get-melding-timeline';
import { requestAanvulling } from '../../lib/melding/request-aanvulling';
import { putBytes } from '../../lib/bytes/put-bytes';
import { Prisma } from '../../lib/db/generated/client';

let t: TTestDb;
let mailboxId: string;
let medewerker: TSeedUser;
let coordinator: TSeedUser;
let beheerder: TSeedUser;

beforeAll(async () => {
  t = await createTestDb();
  mailboxId = (await seedMailbox(t.db)).id;
  medewerker = await seedUser(t.db, 'MEDEWERKER');
  coordinator = await seedUser(t.db, 'COORDINATOR');
  beheerder = await seedUser(t.db, 'BEHEERDER');
});

afterAll(async () => {
  await t?.drop();
});

const as = (u: TSeedUser) => acting(t.db, u);

describe('a melding', () => {
  it('is shown with its form, warnings and corrections, and every view is audited with the person key', async () => {
    const m = await seedMelding(t.db, {
      mailboxId,
      warnings: [{ field: 'betrokkene.geboortedatum', message: 'Geboortedatum onleesbaar' }],
    });
    await correctMeldingField({
      ...as(medewerker),
      meldingId: m.id,
      field: 'betrokkene.plaats',
      value: 'Schiedam',
    });
    const d = await getMeldingById({ ...as(medewerker), meldingId: m.id });
    expect(d.kenmerk).toBe(m.kenmerk);
    expect(d.formulier!.betrokkene.plaats).toBe('Rotterdam');
    expect(d.corrected!.betrokkene.plaats).toBe('Schiedam');
    expect(d.warnings).toEqual([{ field: 'betrokkene.geboortedatum', message: 'Geboortedatum onleesbaar' }]);
    expect(d.attachments).toEqual([
      expect.objectContaining({ contentType: 'application/pdf', isForm: true }),
    ]);
    expect(d).not.toHaveProperty('attachments.0.content');
    const views = await t.db.auditEvent.findMany({
      where: { objectId: m.id, action: 'melding.bekeken' },
      select: { actorId: true, personKey: true, outcome: true },
    });
    expect(views).toEqual([
      { actorId: medewerker.id, personKey: expect.stringMatching(/^[0-9a-f]{32}$/), outcome: 'SUCCESS' },
    ]);
  });

  it('has a timeline with received, status, mails with their state, the officer reply, corrections, notes and views', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    await getMeldingById({ ...as(medewerker), meldingId: m.id });
    await requestAanvulling({ ...as(medewerker), meldingId: m.id, body: 'Is er een huisarts bekend?' });
    const out = await t.db.outgoingMail.findFirstOrThrow({ where: { meldingId: m.id } });
    await t.db.outgoingMail.update({ where: { id: out.id }, data: { state: 'SENT', sentAt: new Date() } });
    const reply = await composeRaw({
      from: 'j.testagent@politie.nl',
      subject: `Re: ${out.subject}`,
      text: 'De huisarts is dr. Van Bedenkum.',
      inReplyTo: out.messageId,
    });
    await t.db.inboundMessage.create({
      data: {
        mailboxId,
        uidValidity: 1,
        uid: 99,
        sha256: createHash('sha256').update(reply).digest('hex'),
        size: reply.length,
        rawHash: (await putBytes({ db: t.db, values: [reply] }))[0],
        receivedAt: new Date(),
        kind: 'REACTIE',
        state: 'PROCESSED',
        meldingId: m.id,
        fromAddress: 'j.testagent@politie.nl',
      },
    });
    await addNote({ ...as(medewerker), meldingId: m.id, text: 'Huisarts gebeld.' });
    const events = await getMeldingTimeline({ ...as(medewerker), meldingId: m.id });
    const types = events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['ontvangen', 'status', 'uitgaand', 'reactie', 'notitie', 'bekeken']),
    );
    expect(events.find((e) => e.type === 'uitgaand')).toMatchObject({
      kind: 'AANVULLING',
      state: 'SENT',
      recipient: 'j.testagent@politie.nl',
    });
    expect(events.find((e) => e.type === 'reactie')).toMatchObject({
      text: expect.stringContaining('dr. Van Bedenkum'),
    });
    expect(events.find((e) => e.type === 'bekeken')).toMatchObject({ by: medewerker.email });
    const times = events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('lists eerdere meldingen about the same person by BSN or by surname and birth date', async () => {
    const a = await seedMelding(t.db, { mailboxId, withMail: false, formulier: { betrokkene: PEOPLE[4]! } });
    const sameBsn = await seedMelding(t.db, {
      mailboxId,
      withMail: false,
      formulier: { betrokkene: { ...PEOPLE[4]!, achternaam: 'Anders' } },
    });
    const sameName = await seedMelding(t.db, {
      mailboxId,
      withMail: false,
      formulier: { betrokkene: { ...PEOPLE[4]!, bsn: null, achternaam: 'BERGMAKER' } },
    });
    await seedMelding(t.db, {
      mailboxId,
      withMail: false,
      formulier: { betrokkene: { ...PEOPLE[4]!, bsn: null, geboortedatum: '1947-02-01' } },
    });
    await t.db.melding.update({
      where: { id: sameBsn.id },
      data: { status: 'AFGEROND', uitkomst: 'TOEGELEID' },
    });
    const eerdere = await getEerdereMeldingen({ ...as(medewerker), meldingId: a.id });
    expect(eerdere.map((e) => e.id).sort()).toEqual([sameBsn.id, sameName.id].sort());
    expect(eerdere.find((e) => e.id === sameBsn.id)).toMatchObject({
      status: 'AFGEROND',
      uitkomst: 'TOEGELEID',
    });
  });

  it('serves the original PDF (audited) and the police mail with its HTML sanitised', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    const [att] = (await getMeldingById({ ...as(medewerker), meldingId: m.id })).attachments;
    const file = await getAttachment({ ...as(medewerker), meldingId: m.id, attachmentId: att!.id });
    expect(file.contentType).toBe('application/pdf');
    expect(file.size).toBe(att!.size);
    const downloaded = Buffer.concat(await file.stream.toArray());
    expect(downloaded.length).toBe(att!.size);
    expect(downloaded.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      await t.db.auditEvent.count({
        where: { objectId: m.id, action: 'melding.bijlage_gedownload', outcome: 'SUCCESS' },
      }),
    ).toBe(1);
    // A hostile type stays a download of opaque bytes.
    await t.db.attachment.update({ where: { id: att!.id }, data: { contentType: 'text/html' } });
    expect(
      (await getAttachment({ ...as(medewerker), meldingId: m.id, attachmentId: att!.id })).contentType,
    ).toBe('application/octet-stream');

    const html =
      '<p onclick="x()">Zie <b>bijlage</b><script>alert(1)</script><img src="https://tracker.example/p.gif"><a href="https://evil.example">link</a><style>body{}</style></p>';
    const raw = await composeRaw({
      subject: `melding niet-acute zorg met ${m.kenmerk}`,
      text: 'Zie bijlage.',
      headers: {},
    });
    const withHtml = Buffer.from(
      raw
        .toString()
        .replace('Content-Type: text/plain', 'Content-Type: text/html')
        .replace('Zie bijlage.', html),
    );
    // A message stored before the readable copy existed: the copy is made from the raw mail on first view.
    await t.db.inboundMessage.updateMany({
      where: { meldingId: m.id },
      data: { rawHash: (await putBytes({ db: t.db, values: [withHtml] }))[0], readable: Prisma.DbNull },
    });
    const mail = await getMeldingEmail({ ...as(medewerker), meldingId: m.id });
    expect(mail!.html).toContain('<b>bijlage</b>');
    for (const bad of ['script', 'onclick', 'tracker.example', 'evil.example', '<style', '<img'])
      expect(mail!.html).not.toContain(bad);
    expect(await t.db.auditEvent.count({ where: { objectId: m.id, action: 'melding.email_bekeken' } })).toBe(
      1,
    );
    // Kept on the row: the next view reads the copy, not the raw mail.
    const kept = await t.db.inboundMessage.findFirstOrThrow({ where: { meldingId: m.id } });
    expect(kept.readable).toMatchObject({ html: mail!.html, subject: mail!.subject });
    expect(await getMeldingEmail({ ...as(medewerker), meldingId: m.id })).toEqual(mail);
  });

  it('uses the stored mail template, or the default while none is stored', async () => {
    expect(await getMailTemplate({ db: t.db, kind: 'AANVULLING' })).toMatchObject({
      isDefault: true,
      body: expect.stringContaining('{kenmerk}'),
    });
    await t.db.mailTemplate.create({
      data: { kind: 'AANVULLING', subject: 'x', body: 'Graag aanvulling op {kenmerk}.' },
    });
    expect(await getMailTemplate({ db: t.db, kind: 'AANVULLING' })).toMatchObject({
      isDefault: false,
      body: 'Graag aanvulling op {kenmerk}.',
    });
    await t.db.mailTemplate.delete({ where: { kind: 'AANVULLING' } });
  });
});

describe('access to a melding', () => {
  it('is refused to coordinators, beheerders and guessed ids — every read, audited as denied', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    const att = await t.db.attachment.findFirstOrThrow({ where: { meldingId: m.id } });
    const other = await seedMelding(t.db, { mailboxId });
    const reads = (u: TSeedUser, meldingId: string, attachmentId = att.id) => [
      getMeldingById({ ...as(u), meldingId }),
      getMeldingTimeline({ ...as(u), meldingId }),
      getEerdereMeldingen({ ...as(u), meldingId }),
      getMeldingEmail({ ...as(u), meldingId }),
      getAttachment({ ...as(u), meldingId, attachmentId }),
    ];
    for (const u of [coordinator, beheerder]) {
      for (const r of await Promise.allSettled(reads(u, m.id)))
        expect(r).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
      expect(
        await t.db.auditEvent.count({ where: { actorId: u.id, objectId: m.id, outcome: 'DENIED' } }),
      ).toBe(5);
    }
    for (const guessed of [randomUUID(), 'abc']) {
      for (const r of await Promise.allSettled(reads(medewerker, guessed)))
        expect(r).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
    }
    // An attachment id paired with another melding's id is not served either.
    await expect(
      getAttachment({ ...as(medewerker), meldingId: other.id, attachmentId: att.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
