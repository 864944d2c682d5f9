/**
 * Statistics over a small hand-built data set with exact expected figures: periods in Dutch time,
 * werkdagen across Easter Monday and Koningsdag, small-cell suppression, the trend against last
 * year, live meldingen and MeldingFeit records together, and the same figures after every melding
 * was replaced by its MeldingFeit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { getStatistieken } from '../../lib/stats/get-statistieken';
import { wholeMonths } from '../../lib/stats/queries';
import { toMeldingFeit } from '../../lib/stats/melding-feit';
import { parseStatsFilter } from '../../lib/stats/period';
import { buildTables } from '../../lib/stats/tables';
import { createTestDb, type TTestDb } from '../support/db';
import { seedStatsDataset } from '../support/stats-dataset';

let t: TTestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedStatsDataset(t.db);
  await refreshStatistieken({ db: t.db });
});

afterAll(async () => {
  await t?.drop();
});

const april = (extra: Record<string, string> = {}) =>
  parseStatsFilter({ van: '2026-04-01', tot: '2026-04-30', stap: 'week', ...extra });
const tables = async (extra: Record<string, string> = {}) => {
  const figuren = await getStatistieken({ db: t.db, role: 'COORDINATOR', filter: april(extra) });
  return Object.fromEntries(buildTables(figuren).map((tb) => [tb.key, tb]));
};

describe('statistics over the hand-built data set (April 2026)', () => {
  it('counts per week with last year, in Dutch local time, small cells as "< 5"', async () => {
    const tb = await tables();
    expect(tb.aantallen!.periode).toBe('1 april 2026 t/m 30 april 2026');
    expect(tb.aantallen!.filter).toBe('alle gemeenten en eenheden');
    expect(tb.aantallen!.rijen).toEqual([
      ['2026-W14', '< 5', 0, null],
      ['2026-W15', '< 5', '< 5', 'x'],
      ['2026-W16', '< 5', 0, null],
      // Last year's W15 is the only "< 5" of its column: the 6 beside it is hidden too.
      ['2026-W17', 5, 'x', 'x'],
      ['2026-W18', 0, 0, null],
      ['Totaal', 12, 8, 50],
    ]);
  });

  it('widens a period to whole months: 31 March to 1 May reads March to May', async () => {
    // The melding of 1 May 00:30 (Dutch time) counts in May.
    const figuren = await getStatistieken({
      db: t.db,
      role: 'COORDINATOR',
      filter: parseStatsFilter({ van: '2026-03-31', tot: '2026-05-01', stap: 'maand' }),
    });
    expect(buildTables(figuren)[0]!.rijen).toEqual([
      ['2026-03', 0, 0, null],
      // 13 − 0 − "< 5" would give April's exact count away with May's: hidden too.
      ['2026-04', 'x', 8, 'x'],
      ['2026-05', '< 5', 0, null],
      ['Totaal', 13, 8, 62.5],
    ]);
    expect(figuren.perGemeente).toEqual([
      { gemeente: 'Rotterdam', aantal: 10 },
      { gemeente: 'Schiedam', aantal: 3 },
    ]);
    expect(figuren.doorlooptijden.signaal.n).toBe(13);
    expect(figuren.flags.beoordeeld).toBe(10);
    expect(wholeMonths({ van: '2026-03-31', tot: '2026-05-01' })).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
      toEnd: '2026-04-30',
    });
    expect(wholeMonths({ van: '2026-04-02', tot: '2026-04-30' })).toBeNull();
    expect(wholeMonths({ van: '2024-01-01', tot: '2024-02-29' })).toEqual({
      from: '2024-01-01',
      to: '2024-02-01',
      toEnd: '2024-02-29',
    });
  });

  it('by unit, gemeente, PC4, status, uitkomst and loket', async () => {
    const tb = await tables();
    expect(tb.eenheid!.rijen).toEqual([
      ['Eenheid Rotterdam', 'Maasboulevard', 7, 58.3],
      ['Eenheid Rotterdam', 'Schiedam', '< 5', 'x'],
      ['Eenheid Rotterdam', 'Delfshaven', '< 5', 'x'],
    ]);
    expect(tb.gemeente!.rijen).toEqual([
      ['Rotterdam', 'x', 'x'],
      ['Schiedam', '< 5', 'x'],
    ]);
    expect(tb.pc4!.rijen).toEqual([
      ['3011', 8, 66.7],
      ['3111', '< 5', 'x'],
      ['3021', '< 5', 'x'],
    ]);
    expect(tb.status!.rijen).toEqual([
      ['Afgerond', 6, 50],
      ['In behandeling', '< 5', 'x'],
      ['Ontvangen', '< 5', 'x'],
    ]);
    expect(tb.uitkomst!.rijen).toEqual([
      ['Nog geen uitkomst', 6, 50],
      ['Toegeleid naar zorg', '< 5', 'x'],
      ['Niet in behandeling', '< 5', 'x'],
    ]);
    expect(tb.loket!.rijen).toEqual([
      ['Veilig Thuis', '< 5', 'x'],
      ['Wijkteam', '< 5', 'x'],
    ]);
  });

  it('by kanaal and soort melding (a melding under each of its soorten), and gemeenten taken from the plaats', async () => {
    const tb = await tables();
    expect(tb.kanaal!.rijen).toEqual([
      ['e-mail van de politie (protocol)', 7, 58.3],
      ['telefoon', 5, 41.7],
    ]);
    expect(tb.soort!.rijen).toEqual([
      ['Verward gedrag', 7, 58.3],
      ['Eenzaamheid', 5, 41.7],
      ['Geen soort gekozen', 5, 41.7],
    ]);
    expect(tb.kenmerken!.rijen.at(-2)).toEqual([
      'Gemeente uit de plaatsnaam (postcode in geen postcodegebied van het werkgebied)',
      5,
      41.7,
      'alle meldingen',
    ]);
    // Under a gemeente filter the soorten come from the same filtered rollup.
    const schiedam = await tables({ gemeente: 'Schiedam' });
    expect(schiedam.soort!.rijen).toEqual([['Geen soort gekozen', '< 5', 'x']]);
  });

  it('doorlooptijden (median, p90) and shares, werkdagen across holidays', async () => {
    const tb = await tables();
    expect(tb.doorlooptijden!.rijen).toEqual([
      // Nearest rank: the 6th of 12 and the 11th of 12; the 5th and 9th of 10; the 3rd and 6th of 6.
      ['Acceptatiesignaal verstuurd', 'minuten', 12, 6, 11],
      ['Eerste beoordeling', 'uren', 10, 24, 120],
      ['Afgerond', 'dagen', 6, 5, 14],
    ]);
    expect(tb.kenmerken!.rijen).toEqual([
      ['Beoordeeld binnen 2 werkdagen', 7, 70, 'beoordeelde meldingen'],
      ['Niet in behandeling (ander loket)', '< 5', 'x', 'alle meldingen'],
      ['Telefonisch contact gewenst', 6, 50, 'alle meldingen'],
      ['Ook gemeld bij Veilig Thuis', '< 5', 'x', 'alle meldingen'],
      ['Bestaande hulpverlening', 6, 50, 'alle meldingen'],
      ['Betrokkene geïnformeerd', 5, 41.7, 'alle meldingen'],
      ['Aanvulling gevraagd', '< 5', 'x', 'alle meldingen'],
      ['Herhaalde melding (zelfde persoon, 12 maanden)', '< 5', 'x', 'alle meldingen'],
      [
        'Gemeente uit de plaatsnaam (postcode in geen postcodegebied van het werkgebied)',
        5,
        41.7,
        'alle meldingen',
      ],
      ['Foutmeldingen verstuurd', 5, 29.4, 'ontvangen meldberichten'],
    ]);
  });

  it('compares live meldingen with the current werkdagen setting', async () => {
    await t.db.setting.create({ data: { key: 'werkdagenBeoordeling', value: 3 } });
    try {
      const tb = await tables();
      // The two live meldingen assessed on the third werkdag now count; the MeldingFeit keeps its verdict.
      expect(tb.kenmerken!.rijen[0]).toEqual([
        'Beoordeeld binnen 3 werkdagen',
        9,
        90,
        'beoordeelde meldingen',
      ]);
    } finally {
      await t.db.setting.delete({ where: { key: 'werkdagenBeoordeling' } });
    }
  });

  it('filters by gemeente and unit; foutmeldingen then have no figure', async () => {
    const rotterdam = await tables({ gemeente: 'Rotterdam' });
    expect(rotterdam.aantallen!.rijen.at(-1)).toEqual(['Totaal', 9, 8, 12.5]);
    expect(rotterdam.aantallen!.filter).toBe('gemeente Rotterdam');
    expect(rotterdam.gemeente!.rijen).toEqual([['Rotterdam', 9, 100]]);
    expect(rotterdam.kenmerken!.rijen.at(-1)).toEqual([
      'Foutmeldingen verstuurd',
      null,
      null,
      'niet per gemeente of eenheid beschikbaar',
    ]);
    const team = await tables({ eenheid: 'Eenheid Rotterdam', basisteam: 'Maasboulevard' });
    expect(team.aantallen!.rijen.at(-1)).toEqual(['Totaal', 7, 8, -12.5]);
  });

  it('gives the same figures after every melding was replaced by its MeldingFeit', async () => {
    const before = await tables();
    const settings = { werkdagenBeoordeling: 2 };
    const meldingen = await t.db.melding.findMany({
      include: {
        outgoing: {
          where: { kind: 'ACCEPTATIESIGNAAL', sentAt: { not: null } },
          orderBy: { sentAt: 'asc' },
          take: 1,
        },
      },
    });
    for (const m of meldingen) {
      await t.db.$transaction([
        t.db.meldingFeit.create({
          data: toMeldingFeit(m, { signalSentAt: m.outgoing[0]?.sentAt ?? null, ...settings }),
        }),
        t.db.melding.update({
          where: { id: m.id },
          data: { anonymisedAt: new Date(), bsn: null, achternaam: null },
        }),
      ]);
    }
    await refreshStatistieken({ db: t.db });
    expect(await t.db.$queryRaw`SELECT count(*)::int AS n FROM stats_melding`).toEqual([
      { n: meldingen.length + 2 },
    ]);
    expect(await tables()).toEqual(before);
  });
});
