import { describe, expect, it } from 'vitest';
import { toMeldingFeit, type TFeitBron } from '../../lib/stats/melding-feit';

const base: TFeitBron = {
  receivedAt: new Date('2026-04-02T22:30:00Z'), // Friday 3 April 00:30 in Amsterdam (Goede Vrijdag: a werkdag)
  firstAssessedAt: null,
  closedAt: null,
  kanaal: 'TELEFOON',
  gemeente: 'Rotterdam',
  gemeenteBron: 'POSTCODE',
  pc4: 3011,
  soorten: ['VERWARD_GEDRAG', 'EENZAAMHEID'],
  eenheid: 'Eenheid Rotterdam',
  basisteam: 'Maasboulevard',
  status: 'ONTVANGEN',
  uitkomst: null,
  loketAdvies: null,
  telefonischContactGewenst: true,
  veiligThuisGemeld: false,
  bestaandeHulpverlening: true,
  betrokkeneGeinformeerd: null,
  aanvullingGevraagd: false,
  herhaling: true,
};

describe('toMeldingFeit', () => {
  it('keeps the dimensions and flags, the Dutch day received and no finer time', () => {
    const feit = toMeldingFeit(base, { signalSentAt: null, werkdagenBeoordeling: 2 });
    expect(feit).toEqual({
      receivedDate: new Date('2026-04-03T00:00:00Z'),
      kanaal: 'TELEFOON',
      gemeente: 'Rotterdam',
      gemeenteBron: 'POSTCODE',
      pc4: 3011,
      soorten: ['VERWARD_GEDRAG', 'EENZAAMHEID'],
      eenheid: 'Eenheid Rotterdam',
      basisteam: 'Maasboulevard',
      status: 'ONTVANGEN',
      uitkomst: null,
      loketAdvies: null,
      signalSeconds: null,
      firstAssessmentSeconds: null,
      closedSeconds: null,
      assessedWithinWerkdagen: null,
      telefonischContactGewenst: true,
      veiligThuisGemeld: false,
      bestaandeHulpverlening: true,
      betrokkeneGeinformeerd: null,
      aanvullingGevraagd: false,
      herhaling: true,
    });
    expect(Object.keys(feit)).not.toContain('kenmerk');
  });

  it('durations in whole seconds (floored) and werkdagen across Easter Monday', () => {
    const m = {
      ...base,
      status: 'AFGEROND' as const,
      uitkomst: 'NIET_IN_BEHANDELING' as const,
      loketAdvies: 'Veilig Thuis',
    };
    // Received Friday 3 April; Easter Monday 6 April is no werkdag; Tuesday 7 April = 1, Wednesday 8 = 2.
    const within = toMeldingFeit(
      {
        ...m,
        firstAssessedAt: new Date('2026-04-08T15:00:00Z'),
        closedAt: new Date('2026-04-10T08:00:00.999Z'),
      },
      { signalSentAt: new Date('2026-04-02T22:30:42.700Z'), werkdagenBeoordeling: 2 },
    );
    expect(within.signalSeconds).toBe(42);
    expect(within.firstAssessmentSeconds).toBe(5 * 86400 + 16.5 * 3600);
    expect(within.closedSeconds).toBe(7 * 86400 + 9.5 * 3600);
    expect(within.assessedWithinWerkdagen).toBe(true);
    expect(within.uitkomst).toBe('NIET_IN_BEHANDELING');
    expect(within.loketAdvies).toBe('Veilig Thuis');
    // Thursday 9 April is the third werkdag: too late with 2, in time with 3.
    const late = { ...m, firstAssessedAt: new Date('2026-04-09T07:00:00Z') };
    expect(toMeldingFeit(late, { signalSentAt: null, werkdagenBeoordeling: 2 }).assessedWithinWerkdagen).toBe(
      false,
    );
    expect(toMeldingFeit(late, { signalSentAt: null, werkdagenBeoordeling: 3 }).assessedWithinWerkdagen).toBe(
      true,
    );
  });
});
