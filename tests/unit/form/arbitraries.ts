import fc from 'fast-check';
import type { TLayoutInput } from '../../fixtures/generator/layout';
import type { TMeldformulier } from '../../../lib/form/schema';

/**
 * Random but plausible meldformulieren for round-trip properties: names with diacritics and
 * voorvoegsels, real calendar dates, Dutch phone numbers and postcodes, and a reden of several
 * paragraphs whose words include colons ("Wie:", "14:35") and the form's own label words.
 */
const pick = <T>(...values: T[]) => fc.constantFrom(...values);

const voornamen = fc
  .array(
    pick(
      'Fenna',
      'Zoë',
      'Anaïs',
      'Jürgen',
      'Éléonore',
      'Çağla',
      'Søren',
      'Jan',
      'Mohammed',
      'Ilse',
      'Noël',
      'Ömer',
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((names) => names.join(' '));
const voorvoegsel = pick(null, 'van', 'van der', 'de', "van 't", 'ter', 'den', 'in het');
const achternaam = pick(
  'Öztürk',
  'Müller-Lüdenscheidt',
  'Jansen',
  "D'Hondt",
  'Bakker',
  'Brouwer',
  'El Amrani',
  'Groß',
);
const plaats = pick(
  'Rotterdam',
  'Den Haag',
  "'s-Hertogenbosch",
  'Dordrecht',
  'Land van Cuijk',
  'Capelle aan den IJssel',
  'Schiedam',
);

const isoDate = fc
  .date({ min: new Date('1910-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const dateTime = fc.tuple(isoDate, time).map(([d, t]) => `${d}T${t}`);
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => ds.join(''));
const phone = fc.oneof(
  digits(8).map((d) => `06${d}`),
  digits(7).map((d) => `010${d}`),
  digits(6).map((d) => `0546${d}`),
  digits(8).map((d) => `+316${d}`),
);
const postcode = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.constantFrom(...'ABCDEGHJKLMNPRTVWXZ'),
    fc.constantFrom(...'ABCDEGHJKLMNPRTVWXZ'),
  )
  .map(([n, a, b]) => `${n}${a}${b}`);

const WORDS = [
  'de',
  'het',
  'een',
  'buurman',
  'belde',
  'om',
  '14:35',
  'uur.',
  'Wie:',
  'Wat:',
  'Waar:',
  'mevrouw',
  'was',
  'verward',
  'en',
  'sprak',
  'over',
  'stemmen',
  'in',
  'muur;',
  'zij',
  'weigerde',
  'hulp.',
  'Adres:',
  'onbekend,',
  'Telefoonnummer:',
  'geïnformeerd',
  'café',
  'één',
  'keer',
  'per',
  'week',
  'zorgmijder',
  '(GGZ)',
  'politie',
  'aangetroffen',
  'woning',
  'vervuild.',
  'Zorgen:',
  'veiligheid',
  'medewerker',
  'hond',
  'agressief',
  'naar',
  'hulpverleners',
  'toe.',
  'Verder:',
  'niets',
  'bijzonders.',
];
const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 45 }).map((words) => {
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1);
});
const reden = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n'));

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

export const layoutArb: fc.Arbitrary<TLayoutInput> = fc.record({
  version: pick('1.3' as const, '2.0' as const),
  style: pick('colon' as const, 'table' as const, 'next-line' as const),
  checkbox: pick('ballot' as const, 'square' as const, 'brackets' as const),
  glyphAfter: fc.boolean(),
  placeholders: fc.boolean(),
  pageBreakInReden: fc.boolean(),
  print: fc.record({
    date: pick('dd-mm-yyyy' as const, 'd-m-yyyy' as const, 'd maand yyyy' as const),
    time: pick('colon' as const, 'dot' as const),
    postcode: pick('spaced' as const, 'lower' as const),
    phone: pick('dash' as const, 'spaced' as const),
  }),
});

export function formulierArb(version: '1.3' | '2.0'): fc.Arbitrary<TMeldformulier> {
  const instantie = fc
    .record({
      naam: nullable(pick('Bouman GGZ', 'Wijkteam Noord', 'Leger des Heils', 'Antes')),
      contactpersoon: nullable(pick('mevr. Öztürk', 'dhr. De Wit')),
      telefoon: nullable(phone),
    })
    .filter((i) => i.naam !== null || i.contactpersoon !== null || i.telefoon !== null);
  const huisarts = fc.oneof(
    fc
      .record({
        naam: nullable(pick('Dr. Jansen', 'Huisartsenpraktijk Zuid')),
        adres: nullable(pick('Hoofdweg 1, Rotterdam', 'Kerkstraat 12')),
        telefoon: nullable(phone),
      })
      .map((h) => ({
        bekend: h.naam || h.adres || h.telefoon ? true : null,
        ...h,
      })),
    ...(version === '2.0' ? [fc.constant({ bekend: false, naam: null, adres: null, telefoon: null })] : []),
  );
  return fc
    .record({
      kenmerk: fc
        .integer({ min: 1000, max: 9999 })
        .chain((unit) => digits(6).map((n) => `PL${unit}-2024${n}`)),
      organisatieonderdeel: nullable(
        pick(
          'Eenheid Rotterdam, basisteam Maasboulevard',
          'Eenheid Den Haag, basisteam Hoefkade',
          'Eenheid Rotterdam',
        ),
      ),
      behandelaar: fc.record({
        naam: nullable(pick('J.P. de Testagent', 'A. Öztürk', 'M. van der Berg')),
        telefoon: nullable(phone),
        email: pick('j.testagent@politie.nl', 'a.oztürk@politie.nl'.replace('ü', 'u')),
      }),
      betrokkene: fc.record({
        bsn: nullable(pick('111222333', '123456782')),
        voornamen: nullable(voornamen),
        voorvoegsel: voorvoegsel,
        achternaam: nullable(achternaam),
        geboortedatum: nullable(isoDate),
        geboorteplaats: nullable(plaats),
        geboorteland: nullable(pick('Nederland', 'Türkiye', 'Curaçao')),
        geslacht: nullable(pick('man' as const, 'vrouw' as const, 'onbekend' as const)),
        adres: nullable(pick('Verzonnenlaan 12', 'Coolsingel 40-B', "Van 't Hoffstraat 3")),
        postcode: nullable(postcode),
        plaats: nullable(plaats),
        land: nullable(pick('Nederland', 'België')),
        telefoonnummers: fc.array(phone, { maxLength: 2 }),
      }),
      voorval: fc.oneof(
        dateTime.map((at) => ({ van: at, tot: at })),
        fc
          .tuple(dateTime, dateTime)
          .filter(([a, b]) => a < b)
          .map(([van, tot]) => ({ van, tot })),
        fc.constant({ van: null, tot: null }),
      ),
      voorvalPlaats: fc.record({ postcode: nullable(postcode), plaats: nullable(plaats) }),
      meldingTijdstip: nullable(dateTime),
      redenAanmelding: reden,
      veiligThuisGemeld:
        version === '2.0' ? nullable(pick('ja' as const, 'nee' as const)) : fc.constant(null),
      hulpverlening: fc.record({
        bestaand: nullable(pick('ja' as const, 'nee' as const, 'niet_bekend' as const)),
        instanties: fc.array(instantie, { maxLength: 3 }),
      }),
      huisarts,
      geinformeerd: fc.oneof(
        fc.constant({ betrokkeneGeinformeerd: 'ja' as const, nietGeinformeerdReden: null }),
        fc.record({
          betrokkeneGeinformeerd: fc.constant('nee' as const),
          nietGeinformeerdReden: nullable(
            pick('zij was niet aanspreekbaar', 'geen gelegenheid: acute situatie'),
          ),
        }),
        fc.constant({ betrokkeneGeinformeerd: null, nietGeinformeerdReden: null }),
      ),
      telefonischContactGewenst: nullable(pick('ja' as const, 'nee' as const)),
    })
    .map(({ voorval, voorvalPlaats, geinformeerd, ...rest }) => ({
      schema: 'meldformulier/1' as const,
      ...rest,
      voorval: { ...voorval, ...voorvalPlaats },
      ...geinformeerd,
    }));
}
