/**
 * Reading a form for review before registration, against a real database and the real parser:
 * an uploaded PDF is refused at the door when too large or not a PDF/Word document by its bytes,
 * read by the worker's side (a corrupt one yields Dutch errors, not a crash), shown only to whoever
 * uploaded it, and registered with the medewerker's corrections over the rest of the form, the file
 * kept as the melding's form. A work-queue message's attached form is read the same way, and can
 * become the next version of an existing melding's form; or only its attachments join a melding.
 */
import { putBytes } from '../../lib/bytes/put-bytes';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeParser } from '../../lib/form';
import { LIMITS } from '../../lib/form/limits';
import { getFormReview } from '../../lib/form-review/get-form-review';
import { readPendingFormReviews } from '../../lib/form-review/read-pending-form-reviews';
import { requestFormReview } from '../../lib/form-review/request-form-review';
import { linkInboundAsVersion } from '../../lib/ingest/link-inbound-as-version';
import { linkInboundToMelding } from '../../lib/ingest/link-inbound-to-melding';
import { registerMeldingByHand, ZHandMelding } from '../../lib/melding/register-melding-by-hand';
import { composeRaw } from '../fixtures/mail/compose';
import { corruptPdf, noise } from '../fixtures/generator/hostile';
import { renderPdf } from '../fixtures/generator/pdf';
import { HUISARTS, PEOPLE, sampleFormulier } from '../fixtures/generator/people';
import { createTestDb, type TTestDb } from '../support/db';
import { acting, seedMailbox, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';

let t: TTestDb;
let medewerker: TSeedUser;
let collega: TSeedUser;
let beheerder: TSeedUser;

beforeAll(async () => {
  t = await createTestDb();
  medewerker = await seedUser(t.db, 'MEDEWERKER');
  collega = await seedUser(t.db, 'MEDEWERKER');
  beheerder = await seedUser(t.db, 'BEHEERDER');
});
afterAll(async () => {
  await t.drop();
  await closeParser();
});

let uid = 0;

/** A message in the work queue: other mail with these attachments, decided and waiting. */
async function queueItem(
  kenmerk: string,
  attachments: { filename: string; content: Buffer; contentType: string }[],
) {
  const mailbox = await seedMailbox(t.db);
  const subject = `Doorgestuurd: zorgen over een bewoner ${kenmerk}`;
  const raw = await composeRaw({ from: 'wijkteam@gemeente.example', subject, attachments });
  return t.db.inboundMessage.create({
    data: {
      mailboxId: mailbox.id,
      uidValidity: 1n,
      uid: BigInt(++uid),
      sha256: randomUUID(),
      size: raw.length,
      rawHash: (await putBytes({ db: t.db, values: [raw] }))[0],
      subject,
      fromAddress: 'wijkteam@gemeente.example',
      receivedAt: new Date(),
      kind: 'OVERIG',
      state: 'PROCESSED',
      outcome: 'OTHER',
    },
  });
}

const formAttachment = async (formulier: ReturnType<typeof sampleFormulier>) => ({
  filename: 'formulier.pdf',
  content: Buffer.from(await renderPdf(formulier)),
  contentType: 'application/pdf',
});

const upload = (user: TSeedUser, bytes: Uint8Array, name = 'formulier.pdf') =>
  requestFormReview({ ...acting(t.db, user), source: { upload: { name, bytes } } });

describe('form review', () => {
  it('refuses an upload that is too large or not a PDF or Word document, and a beheerder', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(100)]);
    await expect(upload(medewerker, png, 'formulier.pdf')).rejects.toThrow(/geen PDF of Word-document/);
    const large = new Uint8Array(LIMITS.maxBytes + 1);
    large.set(new TextEncoder().encode('%PDF-1.7\n'));
    await expect(upload(medewerker, large)).rejects.toThrow(/te groot/);
    await expect(upload(medewerker, new Uint8Array())).rejects.toThrow(/Kies een bestand/);
    const pdf = await renderPdf(sampleFormulier());
    await expect(upload(beheerder, pdf)).rejects.toThrow(/niet behandelen/);
    expect(await t.db.formReview.count()).toBe(0);
  });

  it('reads an upload, shows it only to its uploader, and registers the reviewed fields over the form', async () => {
    const person = PEOPLE[2]!;
    const kenmerk = `PL1300-2026${Math.floor(Math.random() * 1e6)}`;
    const pdf = await renderPdf(sampleFormulier({ kenmerk, betrokkene: person, huisarts: HUISARTS }));
    const { id } = await upload(medewerker, pdf, 'melding van de wijkagent.pdf');
    expect((await getFormReview({ ...acting(t.db, medewerker), id })).state).toBe('PENDING');
    expect(await readPendingFormReviews({ db: t.db })).toBe(1);
    const review = await getFormReview({ ...acting(t.db, medewerker), id });
    expect(review.state).toBe('READ');
    expect(review.result?.formulier).toMatchObject({
      kenmerk,
      betrokkene: { achternaam: person.achternaam },
    });
    await expect(getFormReview({ ...acting(t.db, collega), id })).rejects.toThrow(
      /niet \(meer\) beschikbaar/,
    );

    const formulier = review.result!.formulier!;
    // As the page sends them: every field, empty when not filled.
    const empty = Object.fromEntries(Object.keys(ZHandMelding.shape).map((key) => [key, '']));
    const input = ZHandMelding.parse({
      ...empty,
      kanaal: 'PARTNER',
      formulierId: id,
      kenmerk,
      voornamen: formulier.betrokkene.voornamen,
      achternaam: 'Gecorrigeerd',
      redenAanmelding: formulier.redenAanmelding,
      behandelaarEmail: formulier.behandelaar.email ?? '',
    });
    await expect(registerMeldingByHand({ ...acting(t.db, collega), input })).rejects.toThrow(
      /niet meer beschikbaar/,
    );
    const { meldingId } = await registerMeldingByHand({ ...acting(t.db, medewerker), input });
    const melding = await t.db.melding.findUniqueOrThrow({
      where: { id: meldingId },
      include: { attachments: true },
    });
    expect(melding).toMatchObject({ kanaal: 'PARTNER', kenmerk, achternaam: 'Gecorrigeerd' });
    // Fields the page does not show come from the form.
    expect((melding.formulier as typeof formulier).huisarts).toEqual(HUISARTS);
    expect(melding.attachments).toEqual([
      expect.objectContaining({
        filename: 'melding van de wijkagent.pdf',
        contentType: 'application/pdf',
        isForm: true,
        size: pdf.length,
      }),
    ]);
    expect(await t.db.formReview.count({ where: { id } })).toBe(0);
    expect(
      await t.db.auditEvent.count({
        where: { action: 'formulier.uitlezen', objectId: id, actorId: medewerker.id },
      }),
    ).toBe(1);
  });

  it('takes a typed registration without an uploaded form (the page then sends no formulierId)', () => {
    const typed = Object.fromEntries(
      Object.keys(ZHandMelding.shape)
        .filter((key) => key !== 'formulierId')
        .map((key) => [key, '']),
    );
    const input = ZHandMelding.parse({
      ...typed,
      kanaal: 'TELEFOON',
      redenAanmelding: 'Zorgen over een buurman.',
    });
    expect(input.formulierId).toBeUndefined();
  });

  it('reads a corrupt PDF into Dutch errors without a form', async () => {
    const { id } = await upload(medewerker, corruptPdf());
    await readPendingFormReviews({ db: t.db });
    const review = await getFormReview({ ...acting(t.db, medewerker), id });
    expect(review.state).toBe('READ');
    expect(review.result?.formulier).toBeNull();
    expect(review.result?.errors[0]?.message).toMatch(/Bijlage/);
  });

  it('reads the form attached to a work-queue message', async () => {
    const kenmerk = `PL1300-2026${Math.floor(Math.random() * 1e6)}`;
    const item = await queueItem(kenmerk, [await formAttachment(sampleFormulier({ kenmerk }))]);
    const { id } = await requestFormReview({ ...acting(t.db, medewerker), source: { inboundId: item.id } });
    await readPendingFormReviews({ db: t.db });
    const review = await getFormReview({ ...acting(t.db, medewerker), id });
    expect(review).toMatchObject({ state: 'READ', inboundMessageId: item.id, filename: 'formulier.pdf' });
    expect(review.result?.formulier?.kenmerk).toBe(kenmerk);
    expect(
      await t.db.auditEvent.count({ where: { action: 'bericht.formulier_uitlezen', objectId: item.id } }),
    ).toBe(1);
  });

  it('links a reviewed form from the work queue as the next version of an existing melding', async () => {
    const mailbox = await seedMailbox(t.db);
    const melding = await seedMelding(t.db, { mailboxId: mailbox.id, withMail: false });
    const otherKenmerk = `PL1300-2026${Math.floor(Math.random() * 1e6)}`;
    const corrected = sampleFormulier({
      kenmerk: otherKenmerk,
      redenAanmelding: 'Aangevulde reden na telefonisch overleg.',
    });
    const item = await queueItem(otherKenmerk, [await formAttachment(corrected)]);
    const { id } = await requestFormReview({ ...acting(t.db, medewerker), source: { inboundId: item.id } });
    await readPendingFormReviews({ db: t.db });
    const link = (user: TSeedUser) =>
      linkInboundAsVersion({
        ...acting(t.db, user),
        formulierId: id,
        kenmerk: melding.kenmerk,
        reason: 'Gecorrigeerd formulier per mail van de wijkagent',
      });
    await expect(link(collega)).rejects.toThrow(/geen gelezen formulier/);
    expect(await link(medewerker)).toEqual({ meldingId: melding.id, version: 2 });
    const after = await t.db.melding.findUniqueOrThrow({
      where: { id: melding.id },
      include: { attachments: true, versies: true },
    });
    expect(after).toMatchObject({
      version: 2,
      kenmerk: melding.kenmerk,
      reden: 'Aangevulde reden na telefonisch overleg.',
    });
    expect(after.versies.map((v) => v.version).sort()).toEqual([1, 2]);
    expect(after.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'kenmerk', message: expect.stringContaining(otherKenmerk) }),
      ]),
    );
    expect(after.attachments).toEqual([expect.objectContaining({ filename: 'formulier.pdf', isForm: true })]);
    expect(await t.db.inboundMessage.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      meldingId: melding.id,
      resolution: 'LINKED',
      resolvedBy: medewerker.name,
    });
    expect(await t.db.formReview.count({ where: { id } })).toBe(0);
    expect(
      await t.db.auditEvent.count({ where: { action: 'melding.versie_gekoppeld', objectId: melding.id } }),
    ).toBe(1);
  });

  it('links only the attachments of a work-queue message to a melding, once', async () => {
    const mailbox = await seedMailbox(t.db);
    const melding = await seedMelding(t.db, { mailboxId: mailbox.id, withMail: false });
    const photo = {
      filename: 'situatie.jpg',
      content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...noise(64)]),
      contentType: 'image/jpeg',
    };
    const item = await queueItem(melding.kenmerk, [photo]);
    const link = () =>
      linkInboundToMelding({
        ...acting(t.db, medewerker),
        id: item.id,
        kenmerk: melding.kenmerk,
        reason: 'Foto hoort bij deze melding',
        als: 'bijlagen',
      });
    await link();
    expect(await t.db.attachment.findMany({ where: { meldingId: melding.id } })).toEqual([
      expect.objectContaining({ filename: 'situatie.jpg', isForm: false, inboundMessageId: item.id }),
    ]);
    // Not a reply: it stays what it was, resolved and pointing at the melding.
    expect(await t.db.inboundMessage.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      kind: 'OVERIG',
      outcome: 'OTHER',
      resolution: 'LINKED',
      meldingId: melding.id,
    });
    await expect(link()).rejects.toThrow(/al gekoppeld/);
    expect(
      await t.db.auditEvent.count({ where: { action: 'melding.bijlagen_gekoppeld', objectId: melding.id } }),
    ).toBe(1);
  });
});
