import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime, parseTime } from '../../../lib/form/normalise/date';
import { parseEmail } from '../../../lib/form/normalise/email';
import { parseOrganisatie } from '../../../lib/form/normalise/organisatie';
import { parsePhone, parsePhoneList } from '../../../lib/form/normalise/phone';
import { parsePostcode } from '../../../lib/form/normalise/postcode';
import { cleanText, isPlaceholder } from '../../../lib/form/normalise/text';
import { passesElfproef } from '../../../lib/form/checks';

describe('dates and times', () => {
  it.each([
    ['04-11-2022', '2022-11-04'],
    ['4-11-2022', '2022-11-04'],
    ['4/11/2022', '2022-11-04'],
    ['4.11.2022', '2022-11-04'],
    ['2022-11-04', '2022-11-04'],
    ['4 november 2022', '2022-11-04'],
    ['4 nov. 2022', '2022-11-04'],
    ['1 mrt 2021', '2021-03-01'],
    ['op 29 februari 2024 om', '2024-02-29'],
  ])('%s → %s', (printed, iso) => expect(parseDate(printed)).toBe(iso));

  it.each(['31-02-2022', '29-02-2023', '4 brumaire 2022', '13-13-2022', '[Geboortedatum]'])(
    '%s is no date',
    (printed) => expect(parseDate(printed)).toBeNull(),
  );

  it.each([
    ['14:35', '14:35'],
    ['14.35 uur', '14:35'],
    ['9:05', '09:05'],
    ['24:00', null],
    ['14:60', null],
  ])('time %s → %s', (printed, hhmm) => expect(parseTime(printed)).toBe(hhmm));

  it.each([
    ['04-11-2022 14:35', '2022-11-04T14:35'],
    ['4 november 2022 om 14.35 uur.', '2022-11-04T14:35'],
    ['4-11-2022, 9.05', '2022-11-04T09:05'],
    ['04-11-2022', null],
    ['14:35', null],
  ])('date-time %s → %s', (printed, iso) => expect(parseDateTime(printed)).toBe(iso));
});

describe('phones', () => {
  it.each([
    ['06-12345678', '0612345678'],
    ['06 12 34 56 78', '0612345678'],
    ['+31 6 1234 5678', '+31612345678'],
    ['010 - 123 45 67', '0101234567'],
    ['(010) 123.45.67', '0101234567'],
    ['06-12345678 (mobiel)', '0612345678'],
    ['[Telefoonnummer]', null],
    ['12345', null],
    ['onbekend', null],
  ])('%s → %s', (printed, digits) => expect(parsePhone(printed)).toBe(digits));

  it('reads a list in any separator', () => {
    expect(
      parsePhoneList('06-12345678, 010 - 123 45 67 / +31 6 1234 5678\n0201234567 of 0301234567'),
    ).toEqual(['0612345678', '0101234567', '+31612345678', '0201234567', '0301234567']);
    expect(parsePhoneList('[Telefoonnummer(s)] optioneel')).toEqual([]);
  });
});

describe('postcode, e-mail, organisatie, text', () => {
  it.each([
    ['3011 AB', '3011AB'],
    ['3011ab', '3011AB'],
    ['3011  Ab', '3011AB'],
    ['0123 AB', null],
    ['3011', null],
    ['[Postcode]', null],
  ])('postcode %s → %s', (printed, postcode) => expect(parsePostcode(printed)).toBe(postcode));

  it('e-mail: lower case, taken out of its surroundings, invalid → null', () => {
    expect(parseEmail(' J.deVries@Politie.NL ')).toBe('j.devries@politie.nl');
    expect(parseEmail('<mailto:a.b@politie.nl>')).toBe('a.b@politie.nl');
    expect(parseEmail('[E-mail]')).toBeNull();
    expect(parseEmail('jan..piet@politie.nl')).toBeNull();
  });

  it('organisatieonderdeel: eenheid and basisteam as one text, the prompt → null', () => {
    expect(parseOrganisatie('Eenheid Rotterdam\nbasisteam Maasboulevard')).toBe(
      'Eenheid Rotterdam, basisteam Maasboulevard',
    );
    expect(parseOrganisatie('Eenheid Rotterdam\nbasisteam')).toBe('Eenheid Rotterdam');
    expect(parseOrganisatie('-Kies een eenheid-\nbasisteam')).toBeNull();
    expect(parseOrganisatie('-Kies een eenheid-basisteam')).toBeNull();
  });

  it('text: folded, "optioneel" hint dropped, placeholders → null', () => {
    expect(cleanText('  Jan \t  Pieter\n de  Vries ')).toBe('Jan Pieter de Vries');
    expect(cleanText('Nederland optioneel')).toBe('Nederland');
    expect(cleanText('[BSN] optioneel')).toBeNull();
    expect(cleanText('Kies een item.')).toBeNull();
    expect(cleanText('   ')).toBeNull();
    expect(isPlaceholder('[Postcode] [Plaats]')).toBe(true);
    expect(isPlaceholder('Rotterdam [centrum]')).toBe(false);
  });

  it('elfproef', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });
});
