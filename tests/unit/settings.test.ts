import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromRows } from '../../lib/settings/settings';

describe('settings', () => {
  it('defaults to two werkdagen and twelve months', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      werkdagenBeoordeling: 2,
      bewaartermijnMaanden: 12,
      statistiekenVoorMedewerkers: false,
    });
  });

  it('takes valid stored values and ignores invalid or unknown ones', () => {
    const s = settingsFromRows([
      { key: 'werkdagenBeoordeling', value: 3 },
      { key: 'bewaartermijnMaanden', value: 'twaalf' },
      { key: 'onbekend', value: 1 },
    ]);
    expect(s.werkdagenBeoordeling).toBe(3);
    expect(s.bewaartermijnMaanden).toBe(12);
    expect(s).not.toHaveProperty('onbekend');
  });
});
