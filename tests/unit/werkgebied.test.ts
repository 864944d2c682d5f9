import { describe, expect, it } from 'vitest';
import { isOutsideWerkgebied, ZPostcodeRange } from '../../lib/werkgebied/werkgebied';

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
