import { describe, expect, it } from 'vitest';
import { buildFormulier } from '../../../lib/form/build';
import { stripPageFurniture } from '../../../lib/form/extract/page-furniture';
import { readChoice, optionLabel } from '../../../lib/form/read/choice';
import { readFormText } from '../../../lib/form/read/form';

/**
 * The section-aware reader on text the way the text layer gives it: label and value on one
 * line with or without ":", a table's column gap as one space, values on the next line, label
 * cells wrapped over two lines, glyphs before or after their option.
 */
const read = (text: string) => buildFormulier(readFormText(text)).formulier;

const FORM = `Organisatieonderdeel Eenheid Rotterdam
basisteam Maasboulevard
Behandeld
door
J. de Vries
Telefoon 06 12 34 56 78
E-mail J.deVries@Politie.nl
Ons kenmerk PL1300-2022187654
Persoonsgegevens betrokkene
BSN : 123456782 optioneel
Voornamen : Zoë Anaïs
Voorvoegsel: van der
Achternaam Meulen
Geboortedatum
4 november 1960
Geboorteplaats : Land van Cuijk
Geslacht : Vrouw
Adres : [Adres]
Postcode : [Postcode]
Plaats : [Plaats]
Land
Telefoonnummer : 06-12345678, +31 6 1234 5678 optioneel
Melding
Datum/tijd
voorval
Op [datum voorval] om [tijd voorval] uur. ☐
Tussen 3-11-2022 om 22.00 uur en ☒
4-11-2022 om 01.30 uur.
Plaats voorval : 3011ab Rotterdam
Datum/tijd melding : 04-11-2022 02:10
Reden aanmelding
Let op: Wat zijn uw zorgen?
7 W’s: Wie, wat, waar, wanneer, op welke wijze, met welk gevolg, welke aanleiding, denk ook aan de
veiligheid van de medewerker die in contact treedt met de betrokkene.
Let s.v.p. op uw schrijftaal; deze informatie kan door andere instanties met burgers gedeeld worden.
Wie: de buurman.
Wat: Adres: onbekend; Telefoon: geen.
Veilig Thuis
Is er voor de aangetroffen situatie ook melding bij Veilig Thuis gedaan?
[ ] Nee
[X] Ja
Hulpverlening
Is er sprake van bestaande hulpverlening?
□ Niet bekend □ Nee ■ Ja
Onderstaand blok eventueel herhalen
Instantie : Bouman GGZ
Contactpersoon : [Naam contactpersoon]
Telefoonnummer : 010 - 123 45 67
Instantie : Wijkteam
Contactpersoon : dhr. De Wit
Telefoonnummer : [Telefoonnummer]
Huisarts
Contactgegevens huisarts
Naam Huisarts ☐ : [Naam huisarts]
Adres Huisarts : [adres van huisarts]
Telefoonnummer : [Telefoonnummer]
Niet bekend ☒
De betrokkene is geïnformeerd over het informeren van de
hulpverleningsinstantie.
Ja ☐
Nee, zij was niet aanspreekbaar: ☒
Nader telefonisch contact over melding gewenst?
☐ Ja
☒ Nee`;

describe('readFormText', () => {
  it('reads every section of a v2.0 form in mixed layouts', () => {
    expect(read(FORM)).toEqual({
      schema: 'meldformulier/1',
      kenmerk: 'PL1300-2022187654',
      organisatieonderdeel: 'Eenheid Rotterdam, basisteam Maasboulevard',
      behandelaar: { naam: 'J. de Vries', telefoon: '0612345678', email: 'j.devries@politie.nl' },
      betrokkene: {
        bsn: '123456782',
        voornamen: 'Zoë Anaïs',
        voorvoegsel: 'van der',
        achternaam: 'Meulen',
        geboortedatum: '1960-11-04',
        geboorteplaats: 'Land van Cuijk',
        geboorteland: null,
        geslacht: 'vrouw',
        adres: null,
        postcode: null,
        plaats: null,
        land: null,
        telefoonnummers: ['0612345678', '+31612345678'],
      },
      voorval: { van: '2022-11-03T22:00', tot: '2022-11-04T01:30', postcode: '3011AB', plaats: 'Rotterdam' },
      meldingTijdstip: '2022-11-04T02:10',
      redenAanmelding: 'Wie: de buurman.\nWat: Adres: onbekend; Telefoon: geen.',
      veiligThuisGemeld: 'ja',
      hulpverlening: {
        bestaand: 'ja',
        instanties: [
          { naam: 'Bouman GGZ', contactpersoon: null, telefoon: '0101234567' },
          { naam: 'Wijkteam', contactpersoon: 'dhr. De Wit', telefoon: null },
        ],
      },
      huisarts: { bekend: false, naam: null, adres: null, telefoon: null },
      betrokkeneGeinformeerd: 'nee',
      nietGeinformeerdReden: 'zij was niet aanspreekbaar:',
      telefonischContactGewenst: 'nee',
    });
  });

  it('leaves Veilig Thuis null on a v1.3 form, which has no such question', () => {
    const v13 = FORM.replace(/Veilig Thuis\nIs er voor[\s\S]*?\[X\] Ja\n/, '');
    expect(read(v13).veiligThuisGemeld).toBeNull();
    expect(read(v13).hulpverlening.bestaand).toBe('ja');
  });

  it('drops the unticked "Op" alternative when the "Tussen" one is ticked', () => {
    const op = FORM.replace('Op [datum voorval] om [tijd voorval] uur. ☐', 'Op 5-11-2022 om 10:00 uur. ☐');
    expect(read(op).voorval.van).toBe('2022-11-03T22:00');
  });
});

describe('readChoice', () => {
  const options = [
    { value: 'ja' as const, label: optionLabel('Ja') },
    { value: 'nee' as const, label: optionLabel('Nee') },
  ];
  it.each([
    ['☒ Ja\n☐ Nee', 'ja'],
    ['Ja ☐\nNee ☒', 'nee'],
    ['☐ Ja ☒ Nee', 'nee'],
    ['Ja ■ Nee □', 'ja'],
    ['☒\nJa\n☐\nNee', 'ja'],
    ['☐ Ja\n☐ Nee', null],
    ['☒ Ja\n☒ Nee', null],
    ['Ja\nNee', null],
  ])('%j → %s', (text, value) => expect(readChoice(text, options)).toBe(value));
});

describe('stripPageFurniture', () => {
  const page = (...texts: string[]) => texts.map((text) => ({ text, scale: 0.01 }));
  it('removes page numbers and running headers, keeps tick-box lines and text', () => {
    const lines = stripPageFurniture([
      page('Meldformulier PL1300-2022187654', 'Wie: de buurman', 'sprak met ons.', '☒ Ja', 'Pagina 1 van 2'),
      page('Meldformulier PL1300-2022187654', 'Wat: verward.', '☒ Ja', '2'),
    ]);
    expect(lines.map((line) => line.text)).toEqual([
      'Wie: de buurman',
      'sprak met ons.',
      '☒ Ja',
      'Wat: verward.',
      '☒ Ja',
    ]);
  });
});
