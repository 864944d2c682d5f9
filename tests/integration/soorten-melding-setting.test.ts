/**
 * The beheerder's list of soorten melding against a real database: a removed soort is no longer
 * accepted for a new beoordeling, stays on the meldingen that have it, and the statistics keep
 * counting it under its label; a new soort can be chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { acting, seedMailbox, seedMelding, seedUser, type TSeedUser } from '../support/melding-seed';
import { seedStatsDataset } from '../support/stats-dataset';
import { assessMelding } from '../../lib/melding/assess-melding';
import { getSettings } from '../../lib/settings/get-settings';
import { updateSoortenMelding } from '../../lib/settings/update-soorten-melding';
import { getStatistieken } from '../../lib/stats/get-statistieken';
import { parseStatsFilter } from '../../lib/stats/period';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { buildTables } from '../../lib/stats/tables';

let t: TTestDb;
let mailboxId: string;
let medewerker: TSeedUser;
let beheerder: TSeedUser;

beforeAll(async () => {
  t = await createTestDb();
  mailboxId = (await seedMailbox(t.db)).id;
  medewerker = await seedUser(t.db, 'MEDEWERKER');
  beheerder = await seedUser(t.db, 'BEHEERDER');
  await seedStatsDataset(t.db);
  await refreshStatistieken({ db: t.db });
});

afterAll(async () => {
  await t?.drop();
});

describe('soorten melding as a setting', () => {
  it('removing a soort keeps it on meldingen and in the statistics; a new one can be chosen', async () => {
    const m = await seedMelding(t.db, { mailboxId });
    const base = {
      ...acting(t.db, medewerker),
      meldingId: m.id,
      uitkomst: 'NADER_ONDERZOEK' as const,
      prioriteit: 'NORMAAL' as const,
    };
    await assessMelding({ ...base, reden: 'Eerste indruk: verward.', soorten: ['VERWARD_GEDRAG'] });

    const { actor } = acting(t.db, beheerder);
    await updateSoortenMelding({ db: t.db, actor, lines: 'Eenzaamheid\nDakloosheid\nAnders' });
    const { soortenMelding } = await getSettings({ db: t.db });
    expect(soortenMelding.filter((s) => s.actief).map((s) => s.key)).toEqual([
      'EENZAAMHEID',
      'DAKLOOSHEID',
      'ANDERS',
    ]);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: 'instellingen.wijzig' },
      orderBy: { id: 'desc' },
    });
    expect(JSON.stringify(event.details)).toContain('Dakloosheid');

    // The melding keeps its removed soort, also when it is assessed again (stored in the list's order).
    await assessMelding({
      ...base,
      reden: 'Na contact: ook dakloos.',
      soorten: ['VERWARD_GEDRAG', 'DAKLOOSHEID'],
    });
    expect((await t.db.melding.findUniqueOrThrow({ where: { id: m.id } })).soorten).toEqual([
      'DAKLOOSHEID',
      'VERWARD_GEDRAG',
    ]);

    // Another melding cannot get the removed soort.
    const other = await seedMelding(t.db, { mailboxId });
    await expect(
      assessMelding({
        ...base,
        meldingId: other.id,
        reden: 'Verward, volgens de agent.',
        soorten: ['VERWARD_GEDRAG'],
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect((await t.db.melding.findUniqueOrThrow({ where: { id: other.id } })).soorten).toEqual([]);

    // The statistics still count the removed soort under its label.
    const figuren = await getStatistieken({
      db: t.db,
      role: 'COORDINATOR',
      filter: parseStatsFilter({ van: '2026-04-01', tot: '2026-04-30', stap: 'week' }),
    });
    const soort = buildTables(figuren).find((tb) => tb.key === 'soort')!;
    expect(soort.rijen[0]).toEqual(['Verward gedrag', 7, 58.3]);
  });
});
