/**
 * The rights of the people in the data: a beheerder finds everything held about a person (by
 * BSN, or name + birth date), exports it with the access log, and erases it — all audited, and
 * the erasure leaves only anonymous statistics and pseudonymous audit rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKeyring } from '../../lib/secrets/keyring';
import { erasePersonData } from '../../lib/retention/erase-person-data';
import { exportPersonData } from '../../lib/retention/export-person-data';
import { findPerson } from '../../lib/retention/find-person';
import { getMeldingById } from '../../lib/melding/get-melding-by-id';
import { PEOPLE } from '../fixtures/generator/people';
import { createTestDb, type TTestDb } from '../support/db';
import { acting, seedMailbox, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';
import { Prisma } from '../../lib/db/generated/client';

let t: TTestDb;
let beheerder: TSeedUser;
let medewerker: TSeedUser;
const as = (u: TSeedUser) => ({ id: u.id, label: u.email });
const fenna = PEOPLE[0]!;
const maarten = PEOPLE[1]!;

beforeAll(async () => {
  t = await createTestDb();
  beheerder = await seedUser(t.db, 'BEHEERDER');
  medewerker = await seedUser(t.db, 'MEDEWERKER');
});
afterAll(async () => {
  await t?.drop();
});

describe('person data', () => {
  it('exports everything about a person, with who accessed it, and audits the export', async () => {
    const mailbox = await seedMailbox(t.db);
    const first = await seedMelding(t.db, { mailboxId: mailbox.id, formulier: { betrokkene: fenna } });
    const second = await seedMelding(t.db, { mailboxId: mailbox.id, formulier: { betrokkene: fenna } });
    const other = await seedMelding(t.db, { mailboxId: mailbox.id, formulier: { betrokkene: maarten } });
    await t.db.note.create({
      data: { meldingId: first.id, authorId: medewerker.id, text: 'Contact met huisarts opgenomen.' },
    });
    await t.db.contactMoment.create({
      data: {
        meldingId: first.id,
        authorId: medewerker.id,
        at: new Date(),
        withWhom: 'J. Testagent',
        kanaal: 'TELEFOON',
        outcome: 'Afgestemd over de melding.',
      },
    });
    // A medewerker opens the melding: that read is in the access log the person gets to see.
    await getMeldingById({ ...acting(t.db, medewerker), meldingId: first.id });

    await expect(
      exportPersonData({ db: t.db, actor: as(medewerker), query: { bsn: fenna.bsn } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      exportPersonData({ db: t.db, actor: as(beheerder), query: { bsn: '12345' } }),
    ).rejects.toThrow(/9 cijfers/);

    const found = await findPerson({
      db: t.db,
      actor: as(beheerder),
      query: { achternaam: 'PROEFSTRA', geboortedatum: fenna.geboortedatum },
    });
    expect(found.map((m) => m.id).sort()).toEqual([first.id, second.id].sort());

    const data = await exportPersonData({ db: t.db, actor: as(beheerder), query: { bsn: fenna.bsn } });
    const json = JSON.stringify(data);
    expect(data.meldingen.map((m) => m.id).sort()).toEqual([first.id, second.id].sort());
    expect(json).not.toContain(other.kenmerk);
    const m1 = data.meldingen.find((m) => m.id === first.id)!;
    expect(m1).toMatchObject({ bsn: fenna.bsn, achternaam: 'Proefstra', kenmerk: first.kenmerk });
    expect(m1.notes.map((n) => n.text)).toEqual(['Contact met huisarts opgenomen.']);
    expect(m1.versies).toHaveLength(1);
    expect(m1.attachments[0]!.contentBase64!.length).toBeGreaterThan(100);
    expect(Buffer.from(m1.messages[0]!.rawBase64!, 'base64').toString('latin1')).toContain(
      `melding niet-acute zorg met ${first.kenmerk}`,
    );
    const views = data.inzage.filter((e) => e.actorLabel === medewerker.email);
    expect(views.length).toBeGreaterThan(0);
    expect(data.inzage.some((e) => e.action === 'persoon.export' && e.actorLabel === beheerder.email)).toBe(
      true,
    );

    const exportAudit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: 'persoon.export', actorId: beheerder.id },
    });
    expect(exportAudit).toMatchObject({ objectType: 'person', details: { meldingen: 2 } });
    expect(JSON.stringify(exportAudit.details)).not.toContain(fenna.bsn!);
    expect(await t.db.auditEvent.count({ where: { action: 'persoon.gezocht', actorId: beheerder.id } })).toBe(
      1,
    );
  });

  it('erases everything about a person, keeps anonymous statistics, and audits it', async () => {
    const before = await t.db.melding.findMany({ where: { bsn: fenna.bsn }, select: { id: true } });
    expect(before).toHaveLength(2);
    // The mail and file bytes of her meldingen in the byte store: released by the erasure.
    const hashes = [
      ...(await t.db.attachment.findMany({ where: { meldingId: { in: before.map((m) => m.id) } } })).map(
        (a) => a.contentHash!,
      ),
      ...(await t.db.inboundMessage.findMany({ where: { meldingId: { in: before.map((m) => m.id) } } })).map(
        (m) => m.rawHash!,
      ),
    ];
    expect(hashes).toHaveLength(4);
    expect(await t.db.byteValue.count({ where: { sha256: { in: hashes } } })).toBe(4);
    await expect(
      erasePersonData({ db: t.db, ring: getKeyring(), actor: as(medewerker), query: { bsn: fenna.bsn } }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    const result = await erasePersonData({
      db: t.db,
      ring: getKeyring(),
      actor: as(beheerder),
      query: { bsn: fenna.bsn },
    });
    expect(result.meldingen).toBe(2);
    expect(await t.db.melding.count({ where: { bsn: fenna.bsn } })).toBe(0);
    expect(await t.db.melding.count({ where: { bsn: maarten.bsn } })).toBe(1);
    const ids = before.map((m) => m.id);
    expect(await t.db.note.count({ where: { meldingId: { in: ids } } })).toBe(0);
    expect(await t.db.contactMoment.count({ where: { meldingId: { in: ids } } })).toBe(0);
    expect(await t.db.attachment.count({ where: { meldingId: { in: ids } } })).toBe(0);
    expect(await t.db.meldingVersie.count({ where: { meldingId: { in: ids } } })).toBe(0);
    expect(await t.db.inboundMessage.count({ where: { rawHash: { not: null }, meldingId: null } })).toBe(0);
    expect(
      await t.db.inboundMessage.count({ where: { readable: { not: Prisma.DbNull }, meldingId: null } }),
    ).toBe(0);
    expect(await t.db.byteValue.count({ where: { sha256: { in: hashes } } })).toBe(0);
    expect(await t.db.byteChunk.count({ where: { sha256: { in: hashes } } })).toBe(0);
    expect(await t.db.meldingFeit.count()).toBe(2);

    const erased = await t.db.auditEvent.findFirstOrThrow({
      where: { action: 'persoon.gewist', actorId: beheerder.id },
    });
    expect(erased.personKey).toBeTruthy();
    expect(
      await t.db.auditEvent.count({
        where: {
          action: 'melding.verwijderd_wisverzoek',
          objectId: { in: ids },
          personKey: erased.personKey,
        },
      }),
    ).toBe(2);
    const allAudit = JSON.stringify(
      (await t.db.auditEvent.findMany()).map((e) => ({ ...e, id: String(e.id) })),
    );
    expect(allAudit).not.toContain(fenna.bsn!);
    expect(allAudit).not.toContain('Proefstra');

    // Nothing left to export but the access log.
    const after = await exportPersonData({ db: t.db, actor: as(beheerder), query: { bsn: fenna.bsn } });
    expect(after.meldingen).toHaveLength(0);
    expect(after.inzage.some((e) => e.action === 'persoon.gewist')).toBe(true);
  });
});
