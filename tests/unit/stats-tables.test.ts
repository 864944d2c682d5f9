import { describe, expect, it } from 'vitest';
import { barPunten, trendPunten } from '../../lib/stats/chart-data';
import type { TStatsFigures } from '../../lib/stats/figures';
import { parseStatsFilter } from '../../lib/stats/period';
import { buildTables, celTekst } from '../../lib/stats/tables';

const leeg = { n: 0, mediaan: null, p90: null };
const figuren: TStatsFigures = {
  filter: parseStatsFilter({ van: '2026-01-01', tot: '2026-03-31', stap: 'maand' }),
  werkdagenBeoordeling: 2,
  bijgewerkt: null,
  series: [
    { key: '2026-01', aantal: 40, lastYear: 32 },
    { key: '2026-02', aantal: 3, lastYear: 0 },
    { key: '2026-03', aantal: 0, lastYear: 7 },
  ],
  totaal: 43,
  totaalVorigJaar: 39,
  perEenheid: [{ eenheid: null, basisteam: null, aantal: 43 }],
  perGemeente: [
    { gemeente: 'Vlaardingen', aantal: 39 },
    { gemeente: null, aantal: 4 },
  ],
  perPc4: [],
  perKanaal: [
    { kanaal: 'POLITIE_MAIL', aantal: 41 },
    { kanaal: 'TELEFOON', aantal: 2 },
  ],
  perSoort: [
    { soort: 'VERWARD_GEDRAG', aantal: 30 },
    { soort: 'EENZAAMHEID', aantal: 20 },
    { soort: 'ANDERS', aantal: 3 },
    { soort: null, aantal: 6 },
  ],
  perStatus: [{ status: 'AFGEROND', aantal: 43 }],
  perUitkomst: [{ uitkomst: 'NIET_IN_BEHANDELING', aantal: 43 }],
  perLoket: [
    { loket: 'Veilig Thuis', aantal: 40 },
    { loket: 'Wijkteam', aantal: 3 },
  ],
  doorlooptijden: {
    signaal: { n: 43, mediaan: 90, p90: 300 },
    beoordeling: { n: 4, mediaan: 7200, p90: 7200 },
    afgerond: leeg,
  },
  flags: {
    beoordeeld: 43,
    binnenWerkdagen: 41,
    telefonisch: 0,
    veiligThuis: 1,
    hulpverlening: 20,
    geinformeerd: 43,
    aanvulling: 5,
    herhaling: 2,
    gemeenteUitPlaats: 9,
  },
  foutmeldingen: 7,
};

describe('statistics tables and charts', () => {
  const tables = Object.fromEntries(buildTables(figuren).map((t) => [t.key, t]));

  it('suppresses small cells everywhere, including totals and derived figures, and never one cell alone in a breakdown', () => {
    expect(tables.aantallen!.kolommen).toEqual([
      'Maand',
      'Aantal',
      'Zelfde periode vorig jaar',
      'Verschil (%)',
    ]);
    expect(tables.aantallen!.rijen).toEqual([
      // 43 − 40 − 0 would give the "< 5": the 40 is hidden as well.
      ['2026-01', 'x', 32, 'x'],
      ['2026-02', '< 5', 0, null],
      ['2026-03', 0, 7, -100],
      ['Totaal', 43, 39, 10.3],
    ]);
    expect(tables.gemeente!.rijen).toEqual([
      ['Vlaardingen', 'x', 'x'],
      ['Onbekend', '< 5', 'x'],
    ]);
    expect(tables.eenheid!.rijen).toEqual([['Onbekend', 'Onbekend', 43, 100]]);
    expect(tables.loket!.rijen).toEqual([
      ['Veilig Thuis', 'x', 'x'],
      ['Wijkteam', '< 5', 'x'],
    ]);
    expect(tables.doorlooptijden!.rijen).toEqual([
      ['Acceptatiesignaal verstuurd', 'minuten', 43, 1.5, 5],
      ['Eerste beoordeling', 'uren', '< 5', 'x', 'x'],
      ['Afgerond', 'dagen', 0, null, null],
    ]);
    expect(tables.kenmerken!.rijen.at(-1)).toEqual([
      'Foutmeldingen verstuurd',
      7,
      14,
      'ontvangen meldberichten',
    ]);
    expect(tables.kenmerken!.rijen.find((r) => r[0] === 'Telefonisch contact gewenst')).toEqual([
      'Telefonisch contact gewenst',
      0,
      0,
      'alle meldingen',
    ]);
    expect(tables.kanaal!.rijen).toEqual([
      ['e-mail van de politie (protocol)', 'x', 'x'],
      ['telefoon', '< 5', 'x'],
    ]);
    // Several soorten per melding: shares of all meldingen, a lone "< 5" still gets a partner.
    expect(tables.soort!.rijen).toEqual([
      ['Verward gedrag', 30, 69.8],
      ['Eenzaamheid', 20, 46.5],
      ['Anders', '< 5', 'x'],
      ['Geen soort gekozen', 'x', 'x'],
    ]);
    expect(tables.kenmerken!.rijen.at(-2)).toEqual([
      'Gemeente uit de plaatsnaam (postcode in geen postcodegebied van het werkgebied)',
      9,
      20.9,
      'alle meldingen',
    ]);
    for (const t of Object.values(tables)) expect(t.periode).toBe('1 januari 2026 t/m 31 maart 2026');
  });

  it('charts show no more than the tables: suppressed bars have length 0 and say "< 5"', () => {
    expect(barPunten(tables.gemeente!, [0], 1)).toEqual([
      { label: 'Vlaardingen', value: 0, text: 'x' },
      { label: 'Onbekend', value: 0, text: '< 5' },
    ]);
    expect(barPunten(tables.kenmerken!, [0], 2)[0]).toEqual({
      label: 'Beoordeeld binnen 2 werkdagen',
      value: 95.3,
      text: '95,3%',
    });
    expect(trendPunten(tables.aantallen!)).toEqual([
      { label: '2026-01', nu: null, vorig: 32 },
      { label: '2026-02', nu: null, vorig: 0 },
      { label: '2026-03', nu: 0, vorig: 7 },
    ]);
    expect([celTekst(null), celTekst(12.5), celTekst(1200)]).toEqual(['–', '12,5', '1.200']);
  });
});
