/**
 * Every triage action against a real database: the status flow, the mails in the outbox (to the
 * officer's address from the form, protocol subjects), corrections, audit — and refusal for other
 * roles and for ids that are not the user's to see.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { acting, seedMailbox, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';
import { addNote } from '../../lib/melding/add-note';
import { assessMelding } from '../../lib/melding/assess-melding';
import { assignMelding } from '../../lib/melding/assign-melding';
import { closeMelding } from '../../lib/melding/close-melding';
import { correctMeldingField } from '../../lib/melding/correct-melding-field';
import { getMailDraft } from '../../lib/melding/get-mail-draft';
import { markNietInBehandeling } from '../../lib/melding/mark-niet-in-behandeling';
import { requestAanvulling } from '../../lib/melding/request-aanvulling';
import { resumeMelding } from '../../lib/melding/resume-melding';

let t: TTestDb;
let mailboxId: string;
let medewerker: TSeedUser;
let collega: TSeedUser;

beforeAll(async () => {
  t = await createTestDb();
  mailboxId = (await seedMailbox(t.db)).id;
  medewerker = await seedUser(t.db, 'MEDEWERKER');
  collega = await seedUser(t.db, 'MEDEWERKER');
  await t.db.setting.createMany({
    data: [
      { key: 'meldpuntNaam', value: 'Meldpunt Proefstad' },
      { key: 'meldpuntTelefoon', value: '010-1234567' },
    ],
  });
});

afterAll(async () => {
  await t?.drop();
});

const as = (u: TSeedUser) => acting(t.db, u);
const statusOf = async (id: string) => (await t.db.melding.findUniqueOrThrow({ where: { id } })).status;

describe('the triage flow', () => {
  it('a later beoordeling replaces the soorten melding (a single checkbox arrives as a string)', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    const base = {
      ...as(medewerker),
      meldingId: m.id,
      uitkomst: 'NADER_ONDERZOEK' as const,
      prioriteit: 'NORMAAL' as const,
    };
    await assessMelding({ ...base, reden: 'Eerste indruk: verward.', soorten: ['VERWARD_GEDRAG'] });
    await assessMelding({ ...base, reden: 'Na contact: vooral eenzaamheid.', soorten: 'EENZAAMHEID' });
    const after = await t.db.melding.findUniqueOrThrow({
      where: { id: m.id },
      include: { beoordelingen: { orderBy: { createdAt: 'asc' } } },
    });
    expect(after.soorten).toEqual(['EENZAAMHEID']);
    expect(after.beoordelingen.map((b) => b.soorten)).toEqual([['VERWARD_GEDRAG'], ['EENZAAMHEID']]);
    await assessMelding({ ...base, reden: 'Geen soort meer te geven.' });
    expect((await t.db.melding.findUniqueOrThrow({ where: { id: m.id } })).soorten).toEqual([]);
  });

  it('claim, assess, aanvulling (mail to the officer), resume, note, close', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    await assignMelding({ ...as(medewerker), meldingId: m.id, assigneeId: medewerker.id });
    expect(await statusOf(m.id)).toBe('IN_BEHANDELING');
    await expect(
      assignMelding({ ...as(medewerker), meldingId: m.id, assigneeId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'validation' });

    await expect(
      closeMelding({ ...as(medewerker), meldingId: m.id, uitkomst: 'TOEGELEID' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      assessMelding({
        ...as(medewerker),
        meldingId: m.id,
        uitkomst: 'NADER_ONDERZOEK',
        prioriteit: 'HOOG',
        reden: '',
      }),
    ).rejects.toThrow(/reden/);
    await expect(
      assessMelding({
        ...as(medewerker),
        meldingId: m.id,
        uitkomst: 'NADER_ONDERZOEK',
        prioriteit: 'HOOG',
        reden: 'Onvoldoende zicht op de woonsituatie.',
        soorten: ['VERWARD_GEDRAG', 'GOKKEN'],
      }),
    ).rejects.toThrow(/soort melding/);
    await assessMelding({
      ...as(medewerker),
      meldingId: m.id,
      uitkomst: 'NADER_ONDERZOEK',
      prioriteit: 'HOOG',
      reden: 'Onvoldoende zicht op de woonsituatie.',
      // As a form sends them: in any order, a repeat, one as a string when alone.
      soorten: ['VERVUILING', 'VERWARD_GEDRAG', 'VERVUILING'],
    });
    const assessed = await t.db.melding.findUniqueOrThrow({
      where: { id: m.id },
      include: { beoordelingen: true },
    });
    expect(assessed.firstAssessedAt).not.toBeNull();
    expect(assessed.beoordelingen[0]).toMatchObject({
      uitkomst: 'NADER_ONDERZOEK',
      prioriteit: 'HOOG',
      authorId: medewerker.id,
      soorten: ['VERWARD_GEDRAG', 'VERVUILING'],
    });
    expect(assessed.soorten).toEqual(['VERWARD_GEDRAG', 'VERVUILING']);
    const audited = await t.db.auditEvent.findFirstOrThrow({
      where: { action: 'melding.beoordeeld', objectId: m.id },
    });
    expect(audited.details).toMatchObject({ soorten: 'VERWARD_GEDRAG,VERVUILING' });

    const draft = await getMailDraft({ ...as(medewerker), meldingId: m.id, kind: 'AANVULLING' });
    expect(draft.recipient).toBe('j.testagent@politie.nl');
    expect(draft.subject).toBe(`Verzoek om aanvulling op melding niet-acute zorg met ${m.kenmerk}`);
    expect(draft.body).toContain('Beste J.P. de Testagent');
    expect(draft.body).toContain('F.J. van der P.');
    expect(draft.body).toContain('Meldpunt Proefstad');
    expect(draft.body).not.toContain('Proefstra');

    await requestAanvulling({
      ...as(medewerker),
      meldingId: m.id,
      body: `${draft.body}\nIs er een contactpersoon bekend?`,
    });
    expect(await statusOf(m.id)).toBe('AANVULLING_GEVRAAGD');
    const out = await t.db.outgoingMail.findFirstOrThrow({ where: { meldingId: m.id, kind: 'AANVULLING' } });
    expect(out).toMatchObject({
      recipient: 'j.testagent@politie.nl',
      subject: draft.subject,
      state: 'QUEUED',
      createdById: medewerker.id,
      mailboxId,
    });
    expect(out.body).toContain('Is er een contactpersoon bekend?');
    const police = await t.db.inboundMessage.findFirstOrThrow({ where: { meldingId: m.id } });
    expect(out.inReplyTo).toBe(police.messageId);
    expect(out.recipient).not.toBe(police.fromAddress);

    await resumeMelding({ ...as(medewerker), meldingId: m.id });
    expect(await statusOf(m.id)).toBe('IN_BEHANDELING');
    await expect(resumeMelding({ ...as(medewerker), meldingId: m.id })).rejects.toMatchObject({
      code: 'conflict',
    });

    await addNote({ ...as(collega), meldingId: m.id, text: 'Wijkteam gebeld, terugbelverzoek staat uit.' });
    await closeMelding({
      ...as(medewerker),
      meldingId: m.id,
      uitkomst: 'TOEGELEID',
      toelichting: 'Aangemeld bij het wijkteam.',
    });
    const closed = await t.db.melding.findUniqueOrThrow({
      where: { id: m.id },
      include: { statusChanges: { orderBy: { createdAt: 'asc' } }, notes: true },
    });
    expect(closed).toMatchObject({
      status: 'AFGEROND',
      uitkomst: 'TOEGELEID',
      uitkomstToelichting: 'Aangemeld bij het wijkteam.',
      aanvullingGevraagd: true,
    });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.statusChanges.map((s) => s.to)).toEqual([
      'ONTVANGEN',
      'IN_BEHANDELING',
      'AANVULLING_GEVRAAGD',
      'IN_BEHANDELING',
      'AFGEROND',
    ]);
    expect(closed.notes[0]).toMatchObject({ authorId: collega.id });
    await expect(
      closeMelding({ ...as(medewerker), meldingId: m.id, uitkomst: 'GEEN_VERVOLG' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      requestAanvulling({ ...as(medewerker), meldingId: m.id, body: 'Nog een vraag over deze melding.' }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const actions = (
      await t.db.auditEvent.findMany({
        where: { objectId: m.id, outcome: 'SUCCESS' },
        orderBy: { id: 'asc' },
      })
    ).map((e) => e.action);
    expect(actions).toEqual([
      'melding.toegewezen',
      'melding.beoordeeld',
      'melding.aanvulling_gevraagd',
      'melding.hervat',
      'melding.notitie',
      'melding.afgerond',
    ]);
    const withKey = await t.db.auditEvent.findFirstOrThrow({
      where: { objectId: m.id, action: 'melding.beoordeeld' },
    });
    expect(withKey.personKey).toMatch(/^[0-9a-f]{32}$/);
    expect(withKey.ip).toBe('127.0.0.1');
  });

  it('niet in behandeling: the protocol mail to the officer and closed with the advised loket', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    const draft = await getMailDraft({ ...as(medewerker), meldingId: m.id, kind: 'NIET_IN_BEHANDELING' });
    expect(draft.subject).toContain(`reply op melding niet acute zorg met ${m.kenmerk}`);
    await expect(
      markNietInBehandeling({
        ...as(medewerker),
        meldingId: m.id,
        loketAdvies: '',
        reden: 'Huiselijk geweld',
        sendMail: true,
        body: draft.body,
      }),
    ).rejects.toThrow(/loket/);
    await markNietInBehandeling({
      ...as(medewerker),
      meldingId: m.id,
      loketAdvies: 'Veilig Thuis',
      reden: 'Signalen van huiselijk geweld; besproken met de agent.',
      afstemming: {
        at: new Date(),
        withWhom: 'J. Testagent',
        kanaal: 'TELEFOON',
        outcome: 'Veilig Thuis pakt op.',
      },
      sendMail: true,
      body: draft.body,
    });
    const closed = await t.db.melding.findUniqueOrThrow({ where: { id: m.id }, include: { outgoing: true } });
    expect(closed).toMatchObject({
      status: 'AFGEROND',
      uitkomst: 'NIET_IN_BEHANDELING',
      loketAdvies: 'Veilig Thuis',
    });
    expect(closed.outgoing.find((o) => o.kind === 'NIET_IN_BEHANDELING')).toMatchObject({
      recipient: 'j.testagent@politie.nl',
      subject: draft.subject,
    });
  });

  it('refuses to mail when the form has no officer address, and nothing is queued', async () => {
    const m = await seedMelding(t.db, {
      mailboxId,
      formulier: { behandelaar: { naam: 'A. Agent', telefoon: null, email: null } },
    });
    expect(
      (await getMailDraft({ ...as(medewerker), meldingId: m.id, kind: 'AANVULLING' })).recipient,
    ).toBeNull();
    await expect(
      requestAanvulling({
        ...as(medewerker),
        meldingId: m.id,
        body: 'Graag meer informatie over de situatie.',
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(await t.db.outgoingMail.count({ where: { meldingId: m.id } })).toBe(0);
    expect(await statusOf(m.id)).toBe('ONTVANGEN');
    // Correcting the address by hand makes the mail possible, to the corrected address.
    await correctMeldingField({
      ...as(medewerker),
      meldingId: m.id,
      field: 'behandelaar.email',
      value: 'a.agent@politie.nl',
    });
    await requestAanvulling({
      ...as(medewerker),
      meldingId: m.id,
      body: 'Graag meer informatie over de situatie.',
    });
    expect((await t.db.outgoingMail.findFirstOrThrow({ where: { meldingId: m.id } })).recipient).toBe(
      'a.agent@politie.nl',
    );
  });

  it('field corrections keep the original, update the columns and are audited', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    await correctMeldingField({
      ...as(medewerker),
      meldingId: m.id,
      field: 'betrokkene.achternaam',
      value: 'Proefstra-Smit',
    });
    await correctMeldingField({
      ...as(medewerker),
      meldingId: m.id,
      field: 'betrokkene.postcode',
      value: '3012CD',
    });
    await expect(
      correctMeldingField({
        ...as(medewerker),
        meldingId: m.id,
        field: 'betrokkene.postcode',
        value: 'geen postcode',
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      correctMeldingField({ ...as(medewerker), meldingId: m.id, field: 'kenmerk', value: 'ANDERS' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      correctMeldingField({ ...as(medewerker), meldingId: m.id, field: '__proto__.x', value: '1' }),
    ).rejects.toMatchObject({ code: 'validation' });
    const after = await t.db.melding.findUniqueOrThrow({ where: { id: m.id } });
    expect(after.achternaam).toBe('Proefstra-Smit');
    expect(after.postcode).toBe('3012CD');
    expect(after.pc4).toBe(3012);
    expect(after.kenmerk).toBe(m.kenmerk);
    expect((after.formulier as { betrokkene: { achternaam: string } }).betrokkene.achternaam).toBe(
      'Proefstra',
    );
    expect(after.corrections).toEqual([
      expect.objectContaining({
        field: 'betrokkene.achternaam',
        from: 'Proefstra',
        to: 'Proefstra-Smit',
        byId: medewerker.id,
      }),
      expect.objectContaining({ field: 'betrokkene.postcode', from: '3011AB', to: '3012CD' }),
    ]);
    expect(
      await t.db.auditEvent.count({ where: { objectId: m.id, action: 'melding.veld_gecorrigeerd' } }),
    ).toBe(2);
  });
});

describe('access', () => {
  it('coordinators, beheerders and guessed ids get "not found" for every action, audited as denied, and nothing changes', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    const coordinator = await seedUser(t.db, 'COORDINATOR');
    const beheerder = await seedUser(t.db, 'BEHEERDER');
    const attempts = (u: TSeedUser, meldingId: string) => [
      assignMelding({ ...as(u), meldingId, assigneeId: u.id }),
      assessMelding({
        ...as(u),
        meldingId,
        uitkomst: 'GEEN_REDEN',
        prioriteit: 'LAAG',
        reden: 'Geen zorgen gezien.',
      }),
      addNote({ ...as(u), meldingId, text: 'notitie' }),
      requestAanvulling({ ...as(u), meldingId, body: 'Graag aanvullende informatie.' }),
      resumeMelding({ ...as(u), meldingId }),
      markNietInBehandeling({
        ...as(u),
        meldingId,
        loketAdvies: 'Veilig Thuis',
        reden: 'Huiselijk geweld',
        afstemming: { at: new Date(), withWhom: 'J. Testagent', kanaal: 'TELEFOON', outcome: 'Besproken.' },
      }),
      closeMelding({ ...as(u), meldingId, uitkomst: 'DOORGESTUURD', loketAdvies: 'Meldpunt Elders' }),
      correctMeldingField({ ...as(u), meldingId, field: 'betrokkene.plaats', value: 'Elders' }),
      getMailDraft({ ...as(u), meldingId, kind: 'AANVULLING' }),
    ];
    for (const u of [coordinator, beheerder]) {
      for (const r of await Promise.allSettled(attempts(u, m.id)))
        expect(r).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
      expect(
        await t.db.auditEvent.count({ where: { actorId: u.id, objectId: m.id, outcome: 'DENIED' } }),
      ).toBe(9);
    }
    for (const guessed of [randomUUID(), 'not-a-uuid', "' OR 1=1 --"]) {
      for (const r of await Promise.allSettled(attempts(medewerker, guessed)))
        expect(r).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
    }
    const untouched = await t.db.melding.findUniqueOrThrow({
      where: { id: m.id },
      include: { notes: true, beoordelingen: true, outgoing: true },
    });
    expect(untouched).toMatchObject({
      status: 'ONTVANGEN',
      assigneeId: null,
      corrections: [],
      notes: [],
      beoordelingen: [],
      outgoing: [],
    });
  });
});
