/**
 * Exports of the statistics: the XLSX unzipped and read sheet by sheet and the CSV parsed, cell by cell, with
 * the period on top and small cells suppressed; every export audited, a refused one too; the
 * statistics verbs refuse a medewerker unless the setting allows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { exportStatistieken } from '../../lib/stats/export-statistieken';
import { getStatistieken } from '../../lib/stats/get-statistieken';
import { listStatsKeuzes } from '../../lib/stats/list-stats-keuzes';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { parseStatsFilter } from '../../lib/stats/period';
import { createTestDb, type TTestDb } from '../support/db';
import { seedStatsDataset } from '../support/stats-dataset';
import { readXlsx } from '../support/read-xlsx';

let t: TTestDb;
const actor = { id: null, label: 'coordinator@meldpunt.test', ip: '127.0.0.1', userAgent: 'vitest' };
const filter = parseStatsFilter({ van: '2026-04-01', tot: '2026-04-30', stap: 'week' });

beforeAll(async () => {
  t = await createTestDb();
  await seedStatsDataset(t.db);
  await refreshStatistieken({ db: t.db });
});

afterAll(async () => {
  await t?.drop();
});

describe('statistics exports', () => {
  it('XLSX of one table: title, period, filter, header, "< 5" and hidden cells as text', async () => {
    const file = await exportStatistieken({
      db: t.db,
      role: 'COORDINATOR',
      actor,
      filter,
      tabel: 'gemeente',
      formaat: 'xlsx',
    });
    expect(file.filename).toBe('statistieken-gemeente-2026-04-01-2026-04-30.xlsx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = readXlsx(file.body);
    expect(wb.map((w) => w.name)).toEqual(['gemeente']);
    const ws = wb[0]!;
    expect(ws.cell('A1')).toBe('Meldingen per gemeente');
    expect(ws.cell('A2')).toBe('Periode: 1 april 2026 t/m 30 april 2026');
    expect(ws.cell('A3')).toBe('Filter: alle gemeenten en eenheden');
    expect(ws.rows.slice(-3)).toEqual([
      ['Gemeente', 'Aantal', 'Aandeel (%)'],
      // Beside one "< 5" the other count is hidden as well (secondary suppression), as on the page.
      ['Rotterdam', 'x', 'x'],
      ['Schiedam', '< 5', 'x'],
    ]);
    expect(typeof ws.cell('B7')).toBe('string');
  });

  it('XLSX of all tables, one sheet each, the doorlooptijden and kenmerken cells as on the page', async () => {
    const file = await exportStatistieken({
      db: t.db,
      role: 'BEHEERDER',
      actor,
      filter,
      tabel: 'alle',
      formaat: 'xlsx',
    });
    const wb = readXlsx(file.body);
    const sheet = (name: string) => wb.find((w) => w.name === name)!.rows;
    expect(wb.map((w) => w.name)).toEqual([
      'aantallen',
      'eenheid',
      'gemeente',
      'pc4',
      'kanaal',
      'soort',
      'status',
      'uitkomst',
      'loket',
      'doorlooptijden',
      'kenmerken',
    ]);
    expect(sheet('soort').slice(-3)).toEqual([
      ['Verward gedrag', 7, 58.3],
      ['Eenzaamheid', 5, 41.7],
      ['Geen soort gekozen', 5, 41.7],
    ]);
    const aantallen = sheet('aantallen');
    expect(aantallen[3]).toEqual(['Vorig jaar: 1 april 2025 t/m 30 april 2025.']);
    expect(aantallen.slice(-2)).toEqual([
      ['2026-W18', 0, 0, '–'],
      ['Totaal', 12, 8, 50],
    ]);
    expect(sheet('doorlooptijden').slice(-3)).toEqual([
      ['Acceptatiesignaal verstuurd', 'minuten', 12, 6, 11],
      ['Eerste beoordeling', 'uren', 10, 24, 120],
      ['Afgerond', 'dagen', 6, 5, 14],
    ]);
    const kenmerken = sheet('kenmerken');
    expect(kenmerken.find((r) => r[0] === 'Beoordeeld binnen 2 werkdagen')).toEqual([
      'Beoordeeld binnen 2 werkdagen',
      7,
      70,
      'beoordeelde meldingen',
    ]);
    expect(kenmerken.find((r) => r[0] === 'Ook gemeld bij Veilig Thuis')).toEqual([
      'Ook gemeld bij Veilig Thuis',
      '< 5',
      'x',
      'alle meldingen',
    ]);
  });

  it('CSV for Dutch Excel: BOM, semicolons, decimal comma, period on top', async () => {
    const file = await exportStatistieken({
      db: t.db,
      role: 'COORDINATOR',
      actor,
      filter: { ...filter, gemeente: 'Rotterdam' },
      tabel: 'pc4',
      formaat: 'csv',
    });
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      '"Meldingen per postcodegebied (PC4)"',
      '"Periode: 1 april 2026 t/m 30 april 2026"',
      '"Filter: gemeente Rotterdam"',
    ]);
    expect(lines.slice(-3)).toEqual(['"PC4";"Aantal";"Aandeel (%)"', '"3011";"x";"x"', '"3021";"< 5";"x"']);
  });

  it('audits every export, and a refused one as DENIED', async () => {
    const before = await t.db.auditEvent.count({ where: { action: 'stats.export' } });
    await exportStatistieken({
      db: t.db,
      role: 'COORDINATOR',
      actor,
      filter,
      tabel: 'status',
      formaat: 'csv',
    });
    const ok = await t.db.auditEvent.findFirstOrThrow({
      where: { action: 'stats.export' },
      orderBy: { id: 'desc' },
    });
    expect(ok).toMatchObject({
      outcome: 'SUCCESS',
      actorLabel: 'coordinator@meldpunt.test',
      ip: '127.0.0.1',
      details: { tabel: 'status', formaat: 'csv', van: '2026-04-01', tot: '2026-04-30', gemeente: null },
    });
    await expect(
      exportStatistieken({ db: t.db, role: 'MEDEWERKER', actor, filter, tabel: 'status', formaat: 'xlsx' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const denied = await t.db.auditEvent.findFirstOrThrow({
      where: { action: 'stats.export' },
      orderBy: { id: 'desc' },
    });
    expect(denied.outcome).toBe('DENIED');
    expect(await t.db.auditEvent.count({ where: { action: 'stats.export' } })).toBe(before + 2);
    await expect(
      exportStatistieken({ db: t.db, role: 'COORDINATOR', actor, filter, tabel: 'alle', formaat: 'csv' }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('a medewerker reads no statistics unless the setting allows it', async () => {
    for (const call of [
      () => getStatistieken({ db: t.db, role: 'MEDEWERKER', filter }),
      () => listStatsKeuzes({ db: t.db, role: 'MEDEWERKER' }),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(AppError);
    }
    await t.db.setting.create({ data: { key: 'statistiekenVoorMedewerkers', value: true } });
    try {
      expect((await getStatistieken({ db: t.db, role: 'MEDEWERKER', filter })).totaal).toBe(12);
      expect(await listStatsKeuzes({ db: t.db, role: 'MEDEWERKER' })).toEqual({
        gemeente: ['Rotterdam', 'Schiedam'],
        eenheid: ['Eenheid Rotterdam'],
        basisteam: ['Delfshaven', 'Maasboulevard', 'Schiedam'],
      });
    } finally {
      await t.db.setting.delete({ where: { key: 'statistiekenVoorMedewerkers' } });
    }
    expect((await getStatistieken({ db: t.db, role: 'COORDINATOR', filter })).totaal).toBe(12);
  });
});
