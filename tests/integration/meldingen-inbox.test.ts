/** The inbox verb against a real database: filters, search, badges, overdue and who may list. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, bsn } from '../fixtures/generator/people';
import { createTestDb, type TTestDb } from '../support/db';
import { acting, seedMailbox, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';
import { listMeldingen } from '../../lib/melding/list-meldingen';

let t: TTestDb;
let medewerker: TSeedUser;
let collega: TSeedUser;
// Thursday 2026-11-19 13:00 Amsterdam time.
const now = new Date('2026-11-19T12:00:00Z');
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  medewerker = await seedUser(t.db, 'MEDEWERKER');
  collega = await seedUser(t.db, 'MEDEWERKER');
  const mailbox = await seedMailbox(t.db);
  const seed = async (
    key: string,
    opts: Parameters<typeof seedMelding>[1] extends infer P ? Omit<P & object, 'mailboxId'> : never,
  ) => {
    ids[key] = (await seedMelding(t.db, { mailboxId: mailbox.id, withMail: false, ...opts })).id;
  };
  // Monday 16 Nov: three werkdagen before Thursday → overdue with the default of 2.
  await seed('maandag', {
    receivedAt: new Date('2026-11-16T09:00:00Z'),
    formulier: { betrokkene: PEOPLE[0]!, telefonischContactGewenst: 'ja' },
  });
  // Tuesday 17 Nov: two werkdagen → still in time.
  await seed('dinsdag', {
    receivedAt: new Date('2026-11-17T09:00:00Z'),
    formulier: { betrokkene: PEOPLE[1]!, telefonischContactGewenst: 'nee', veiligThuisGemeld: 'ja' },
  });
  await seed('woensdag', {
    receivedAt: new Date('2026-11-18T09:00:00Z'),
    formulier: {
      betrokkene: PEOPLE[2]!,
      redenAanmelding: 'Betrokkene zwierf met een winkelwagen vol kussens over de dijk.',
    },
    warnings: [{ field: 'betrokkene.bsn', message: 'BSN ontbreekt' }],
  });
  await seed('afgerond', {
    receivedAt: new Date('2026-11-02T09:00:00Z'),
    formulier: { betrokkene: { ...PEOPLE[3]!, bsn: bsn('30405061') } },
  });
  await t.db.melding.update({
    where: { id: ids.afgerond },
    data: { status: 'AFGEROND', uitkomst: 'GEEN_VERVOLG', firstAssessedAt: new Date('2026-11-03T09:00:00Z') },
  });
  await t.db.melding.update({
    where: { id: ids.dinsdag },
    data: { assigneeId: medewerker.id, status: 'IN_BEHANDELING' },
  });
  await t.db.melding.update({
    where: { id: ids.woensdag },
    data: {
      assigneeId: collega.id,
      status: 'AANVULLING_GEVRAAGD',
      reactieOntvangen: true,
      authenticityVerified: false,
      buitenWerkgebied: true,
    },
  });
});

afterAll(async () => {
  await t?.drop();
});

const list = (filter: Parameters<typeof listMeldingen>[0]['filter'], user = medewerker) =>
  listMeldingen({ ...acting(t.db, user), filter, now });
const keysOf = (rows: { id: string }[]) =>
  rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0]);

describe('listMeldingen', () => {
  it('lists open meldingen newest first by default, with werkdagen, assignee and badges', async () => {
    const res = await list({});
    expect(keysOf(res.rows)).toEqual(['woensdag', 'dinsdag', 'maandag']);
    expect(res.total).toBe(3);
    const [woensdag, dinsdag, maandag] = res.rows;
    expect(maandag!.werkdagenGeleden).toBe(3);
    expect(maandag!.overdue).toBe(true);
    expect(maandag!.badges).toEqual(expect.arrayContaining(['te_laat', 'telefonisch']));
    expect(dinsdag!.overdue).toBe(false);
    expect(dinsdag!.badges).toContain('veilig_thuis');
    expect(dinsdag!.assignedToMe).toBe(true);
    expect(woensdag!.badges).toEqual(
      expect.arrayContaining(['waarschuwingen', 'reactie', 'niet_geverifieerd', 'buiten_werkgebied']),
    );
    expect(woensdag!.assignee).toBe(collega.name);
    expect(maandag!.naam).toBe('Fenna Jolijn van der Proefstra');
  });

  it('filters on status, assignment, period and badges inside the query', async () => {
    expect(keysOf((await list({ status: 'alle', sort: 'oudste' })).rows)).toEqual([
      'afgerond',
      'maandag',
      'dinsdag',
      'woensdag',
    ]);
    expect(keysOf((await list({ status: 'AFGEROND' })).rows)).toEqual(['afgerond']);
    expect(keysOf((await list({ toegewezen: 'mij' })).rows)).toEqual(['dinsdag']);
    expect(keysOf((await list({ toegewezen: 'niemand' })).rows)).toEqual(['maandag']);
    expect(keysOf((await list({ van: '2026-11-17', tot: '2026-11-17' })).rows)).toEqual(['dinsdag']);
    expect(keysOf((await list({ badges: ['te_laat'] })).rows)).toEqual(['maandag']);
    expect(keysOf((await list({ badges: ['reactie'] })).rows)).toEqual(['woensdag']);
    expect(keysOf((await list({ badges: ['telefonisch', 'veilig_thuis'] })).rows)).toEqual([]);
    // Garbage in the URL falls back to defaults instead of failing.
    expect((await list({ status: 'x' as never, pagina: 'abc' as never })).filter).toMatchObject({
      status: 'open',
      pagina: 1,
    });
  });

  it('searches kenmerk, name, BSN (exact) and the reden, and audits the search without its terms', async () => {
    const maandag = await t.db.melding.findUniqueOrThrow({ where: { id: ids.maandag } });
    expect(keysOf((await list({ q: maandag.kenmerk.slice(0, 10) })).rows)).toContain('maandag');
    expect(keysOf((await list({ q: 'proefSTRA' })).rows)).toEqual(['maandag']);
    expect(keysOf((await list({ q: 'maarten zandhuys' })).rows)).toEqual(['dinsdag']);
    expect(keysOf((await list({ q: 'winkelwagen' })).rows)).toEqual(['woensdag']);
    expect(keysOf((await list({ q: bsn('30405061'), status: 'alle' })).rows)).toEqual(['afgerond']);
    expect(keysOf((await list({ q: bsn('30405061').slice(0, 8) + '0', status: 'alle' })).rows)).toEqual([]);
    // LIKE wildcards and quotes in the input are text, not patterns or SQL.
    expect((await list({ q: '%', status: 'alle' })).rows).toEqual([]);
    expect((await list({ q: "_' OR '1'='1", status: 'alle' })).rows).toEqual([]);
    const events = await t.db.auditEvent.findMany({
      where: { action: 'melding.zoeken', actorId: medewerker.id },
      select: { details: true, personKey: true, objectId: true },
    });
    expect(events.length).toBe(8);
    expect(JSON.stringify(events)).not.toContain('Proefstra');
    expect(JSON.stringify(events)).not.toContain(bsn('30405061'));
  });

  it('paginates', async () => {
    const page2 = await listMeldingen({
      ...acting(t.db, medewerker),
      filter: { status: 'alle', pagina: 2 },
      now,
    });
    expect(page2.rows).toEqual([]);
    expect(page2.total).toBe(4);
  });

  it('refuses coordinators and beheerders, audited as denied', async () => {
    for (const role of ['COORDINATOR', 'BEHEERDER'] as const) {
      const other = await seedUser(t.db, role);
      await expect(list({}, other)).rejects.toMatchObject({ code: 'forbidden' });
      expect(
        await t.db.auditEvent.count({
          where: { actorId: other.id, action: 'melding.lijst', outcome: 'DENIED' },
        }),
      ).toBe(1);
    }
  });
});
