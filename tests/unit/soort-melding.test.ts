import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SOORTEN_MELDING,
  inListOrder,
  soortenFromLines,
  soortLabel,
  unknownSoorten,
  ZSoortenMelding,
} from '../../lib/melding/soort-melding';
import { DEFAULT_SETTINGS, settingsFromRows } from '../../lib/settings/settings';

describe('the configurable soorten melding', () => {
  it('defaults to the handreiking list, all offered', () => {
    expect(DEFAULT_SETTINGS.soortenMelding).toEqual(DEFAULT_SOORTEN_MELDING);
    expect(DEFAULT_SETTINGS.soortenMelding.map((s) => s.label)).toContain('Verward gedrag');
    expect(DEFAULT_SETTINGS.soortenMelding.every((s) => s.actief)).toBe(true);
  });

  it('keeps the key of a known label, gives a new label a new key, keeps a removed soort as inactive', () => {
    const next = soortenFromLines({
      text: 'eenzaamheid\n  Dakloosheid \n\nVerslaving\nDakloosheid\nFinanciële  problemen',
      current: DEFAULT_SOORTEN_MELDING,
    });
    expect(next.filter((s) => s.actief)).toEqual([
      { key: 'EENZAAMHEID', label: 'eenzaamheid', actief: true },
      { key: 'DAKLOOSHEID', label: 'Dakloosheid', actief: true },
      { key: 'VERSLAVING', label: 'Verslaving', actief: true },
      { key: 'FINANCIELE_PROBLEMEN', label: 'Financiële problemen', actief: true },
    ]);
    const inactive = next.filter((s) => !s.actief);
    expect(inactive.map((s) => s.key)).toContain('VERWARD_GEDRAG');
    expect(soortLabel('VERWARD_GEDRAG', next)).toBe('Verward gedrag');
    expect(ZSoortenMelding.safeParse(next).success).toBe(true);
    // Put back: the same key, offered again.
    const back = soortenFromLines({ text: 'Verward gedrag', current: next });
    expect(back.find((s) => s.key === 'VERWARD_GEDRAG')?.actief).toBe(true);
    expect(back.filter((s) => s.actief)).toHaveLength(1);
  });

  it('never reuses a key for a different label', () => {
    const current = [{ key: 'ANDERS', label: 'Iets anders', actief: false }];
    expect(soortenFromLines({ text: 'Anders', current })[0]).toEqual({
      key: 'ANDERS_2',
      label: 'Anders',
      actief: true,
    });
  });

  it('accepts an active soort or one the melding already has, nothing else', () => {
    const list = soortenFromLines({ text: 'Eenzaamheid', current: DEFAULT_SOORTEN_MELDING });
    expect(unknownSoorten({ chosen: ['EENZAAMHEID'], list, kept: [] })).toEqual([]);
    expect(unknownSoorten({ chosen: ['VERSLAVING', 'BESTAAT_NIET'], list, kept: [] })).toEqual([
      'VERSLAVING',
      'BESTAAT_NIET',
    ]);
    expect(unknownSoorten({ chosen: ['VERSLAVING'], list, kept: ['VERSLAVING'] })).toEqual([]);
  });

  it('stores the chosen soorten in the order of the list, unknown keys last', () => {
    expect(inListOrder(['ONBEKEND', 'ANDERS', 'VERWARD_GEDRAG'], DEFAULT_SOORTEN_MELDING)).toEqual([
      'VERWARD_GEDRAG',
      'ANDERS',
      'ONBEKEND',
    ]);
  });

  it('refuses a stored list with no offered soort or a doubled key, falling back to the default', () => {
    const none = DEFAULT_SOORTEN_MELDING.map((s) => ({ ...s, actief: false }));
    expect(settingsFromRows([{ key: 'soortenMelding', value: none }]).soortenMelding).toEqual(
      DEFAULT_SOORTEN_MELDING,
    );
    const doubled = [DEFAULT_SOORTEN_MELDING[0]!, DEFAULT_SOORTEN_MELDING[0]!];
    expect(ZSoortenMelding.safeParse(doubled).success).toBe(false);
  });
});
