import { describe, expect, it } from 'vitest';
import { toMeldingColumns } from '../../lib/melding/to-melding-columns';
import type { TMeldformulier } from '../../lib/form/schema';

const base = {
  schema: 'meldformulier/1',
  kenmerk: 'PL1300-2026000001',
  organisatieonderdeel: null,
  behandelaar: { naam: null, telefoon: null, email: 'x@politie.nl' },
  betrokkene: {
    bsn: null,
    voornamen: null,
    voorvoegsel: null,
    achternaam: 'Test',
    geboortedatum: '1980-02-29',
    geboorteplaats: null,
    geboorteland: null,
    geslacht: null,
    adres: null,
    postcode: null,
    plaats: null,
    land: null,
    telefoonnummers: [],
  },
  voorval: { van: '2026-07-01T14:35', tot: '2026-07-01T14:35', postcode: null, plaats: null },
  meldingTijdstip: '2026-01-15T09:05',
  redenAanmelding: 'x',
  veiligThuisGemeld: null,
  hulpverlening: { bestaand: 'ja', instanties: [] },
  huisarts: { bekend: null, naam: null, adres: null, telefoon: null },
  betrokkeneGeinformeerd: null,
  nietGeinformeerdReden: null,
  telefonischContactGewenst: 'ja',
} satisfies TMeldformulier;

describe('toMeldingColumns', () => {
  it('reads the form times as Dutch local time, summer and winter', () => {
    const c = toMeldingColumns(base);
    expect(c.voorvalVan?.toISOString()).toBe('2026-07-01T12:35:00.000Z');
    expect(c.meldingTijdstip?.toISOString()).toBe('2026-01-15T08:05:00.000Z');
    expect(c.geboortedatum?.toISOString()).toBe('1980-02-29T00:00:00.000Z');
  });

  it('maps the flags, keeping unknown as null', () => {
    const c = toMeldingColumns(base);
    expect(c).toMatchObject({
      telefonischContactGewenst: true,
      veiligThuisGemeld: false,
      bestaandeHulpverlening: true,
      betrokkeneGeinformeerd: null,
    });
  });

  it('splits the police unit and takes gemeente and PC4 from the address, else from the voorval', () => {
    const withAddress = toMeldingColumns({
      ...base,
      organisatieonderdeel: 'Eenheid Rotterdam, basisteam Maasboulevard',
      betrokkene: { ...base.betrokkene, postcode: '3011 AB', plaats: 'Rotterdam' },
      voorval: { ...base.voorval, postcode: '3999 ZZ', plaats: 'Elders' },
    });
    expect(withAddress).toMatchObject({
      eenheid: 'Eenheid Rotterdam',
      basisteam: 'basisteam Maasboulevard',
      gemeente: 'Rotterdam',
      pc4: 3011,
    });
    const withoutAddress = toMeldingColumns({
      ...base,
      voorval: { ...base.voorval, postcode: '3999 ZZ', plaats: 'Elders' },
    });
    expect(withoutAddress).toMatchObject({ eenheid: null, basisteam: null, gemeente: 'Elders', pc4: 3999 });
  });
});
