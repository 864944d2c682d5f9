/** A complete, valid `meldformulier/1` about a fictitious person, to vary per test. */
import type { TMeldformulier } from '../../lib/form/schema';

export function sampleFormulier(kenmerk = 'PL1300-2026123456', patch: Partial<TMeldformulier> = {}): TMeldformulier {
  return {
    schema: 'meldformulier/1',
    kenmerk,
    organisatieonderdeel: 'Eenheid Rotterdam, basisteam Maasboulevard',
    behandelaar: { naam: 'J.P. de Testagent', telefoon: '0612345678', email: 'j.testagent@politie.nl' },
    betrokkene: {
      bsn: '111222333',
      voornamen: 'Fenna Jolijn',
      voorvoegsel: 'van der',
      achternaam: 'Proefstra',
      geboortedatum: '1968-05-17',
      geboorteplaats: 'Dordrecht',
      geboorteland: 'Nederland',
      geslacht: 'vrouw',
      adres: 'Verzonnenlaan 12',
      postcode: '3011AB',
      plaats: 'Rotterdam',
      land: 'Nederland',
      telefoonnummers: ['0687654321'],
    },
    voorval: { van: '2026-11-20T14:35', tot: '2026-11-20T14:35', postcode: '3011AB', plaats: 'Rotterdam' },
    meldingTijdstip: '2026-11-20T16:10',
    redenAanmelding: 'Betrokkene werd aangetroffen in verwarde toestand op straat.\nZij gaf aan al dagen niet te hebben gegeten.',
    veiligThuisGemeld: 'nee',
    hulpverlening: { bestaand: 'niet_bekend', instanties: [] },
    huisarts: { bekend: null, naam: null, adres: null, telefoon: null },
    betrokkeneGeinformeerd: 'ja',
    nietGeinformeerdReden: null,
    telefonischContactGewenst: 'ja',
    ...patch,
  };
}
