import { describe, expect, it } from 'vitest';
import { werkgebiedFrom, rangesText } from '../../app/(dashboard)/beheer/werkgebied/form-input';
import { deriveGemeente, isOutsideWerkgebied, ZPostcodeRange } from '../../lib/werkgebied/werkgebied';

const w = {
  gemeenten: ['Rotterdam', "'s-Gravenhage"],
  postcodes: [
    { van: 3000, tot: 3099 },
    { van: 3190, tot: 3199 },
  ],
};

describe('isOutsideWerkgebied', () => {
  it('is never outside when no werkgebied is configured', () => {
    expect(isOutsideWerkgebied({ gemeenten: [], postcodes: [] }, { gemeente: 'Utrecht', pc4: 3511 })).toBe(
      false,
    );
  });
  it('is never outside when the place is unknown', () => {
    expect(isOutsideWerkgebied(w, { gemeente: null, pc4: null })).toBe(false);
  });
  it('is inside by gemeente (case, accents and spaces ignored) or by PC4 range, bounds included', () => {
    expect(isOutsideWerkgebied(w, { gemeente: ' ROTTERDAM ', pc4: null })).toBe(false);
    expect(isOutsideWerkgebied(w, { gemeente: "'S-Gravenhage", pc4: 2511 })).toBe(false);
    expect(isOutsideWerkgebied(w, { gemeente: 'Hoogvliet', pc4: 3190 })).toBe(false);
    expect(isOutsideWerkgebied(w, { gemeente: null, pc4: 3099 })).toBe(false);
  });
  it('is outside when neither gemeente nor PC4 matches', () => {
    expect(isOutsideWerkgebied(w, { gemeente: 'Utrecht', pc4: 3511 })).toBe(true);
    expect(isOutsideWerkgebied(w, { gemeente: null, pc4: 3100 })).toBe(true);
    expect(
      isOutsideWerkgebied({ gemeenten: ['Rotterdam'], postcodes: [] }, { gemeente: 'Schiedam', pc4: 3111 }),
    ).toBe(true);
  });
  it('refuses a range that runs backwards or is not a PC4', () => {
    expect(ZPostcodeRange.safeParse({ van: 3100, tot: 3000 }).success).toBe(false);
    expect(ZPostcodeRange.safeParse({ van: 999, tot: 3000 }).success).toBe(false);
  });
});

describe('deriveGemeente', () => {
  const metGemeente = {
    gemeenten: [],
    postcodes: [
      { van: 3000, tot: 3099 },
      { van: 3000, tot: 3099, gemeente: 'Rotterdam' },
      { van: 3190, tot: 3199, gemeente: 'Rotterdam' },
      { van: 2900, tot: 2909, gemeente: 'Capelle aan den IJssel' },
    ],
  };
  it('takes the gemeente of the first range with a gemeente that holds the PC4, bounds included', () => {
    expect(deriveGemeente(metGemeente, { gemeente: 'Hoogvliet', pc4: 3199 })).toEqual({
      gemeente: 'Rotterdam',
      gemeenteBron: 'POSTCODE',
    });
    expect(deriveGemeente(metGemeente, { gemeente: 'Rotterdam', pc4: 2900 })).toEqual({
      gemeente: 'Capelle aan den IJssel',
      gemeenteBron: 'POSTCODE',
    });
  });
  it('falls back on the plaats, marked so, without a PC4 or a range with a gemeente', () => {
    expect(deriveGemeente(metGemeente, { gemeente: 'Schiedam', pc4: 3111 })).toEqual({
      gemeente: 'Schiedam',
      gemeenteBron: 'PLAATS',
    });
    expect(deriveGemeente(metGemeente, { gemeente: 'Rotterdam', pc4: null })).toEqual({
      gemeente: 'Rotterdam',
      gemeenteBron: 'PLAATS',
    });
    expect(deriveGemeente(w, { gemeente: 'Hoogvliet', pc4: 3190 }).gemeenteBron).toBe('PLAATS');
  });
});

describe('werkgebied form', () => {
  it('reads a range or PC4 per line with an optional gemeente after it, and writes it back the same', () => {
    const text = '3000-3099 Rotterdam\n3190: Rotterdam\n2900 – 2909 Capelle aan den IJssel\n3500';
    const parsed = werkgebiedFrom('', text);
    expect(parsed.postcodes).toEqual([
      { van: 3000, tot: 3099, gemeente: 'Rotterdam' },
      { van: 3190, tot: 3190, gemeente: 'Rotterdam' },
      { van: 2900, tot: 2909, gemeente: 'Capelle aan den IJssel' },
      { van: 3500, tot: 3500, gemeente: null },
    ]);
    expect(rangesText(parsed)).toBe(
      '3000-3099 Rotterdam\n3190 Rotterdam\n2900-2909 Capelle aan den IJssel\n3500',
    );
    expect(() => werkgebiedFrom('', 'Rotterdam 3000')).toThrow(/regel 1/);
  });
});
