import { describe, expect, it } from 'vitest';
import { afstemmingZin } from '../../../lib/mail/afstemming';
import { buildDoorsturen, doorgestuurdBerichtTekst } from '../../../lib/mail/doorsturen';
import { isMinderjarig } from '../../../lib/melding/to-melding-columns';

const sender = { meldpuntNaam: 'Meldpunt Proefstad', meldpuntTelefoon: '' };

describe('the afstemming sentence', () => {
  it('says how the afstemming went, on the Dutch calendar day', () => {
    // 23:30 UTC on 1 December is already 2 December in the Netherlands.
    const at = new Date('2026-12-01T23:30:00Z');
    expect(afstemmingZin({ at, withWhom: 'J. Testagent', kanaal: 'TELEFOON' })).toBe(
      'Zoals op 2 december 2026 telefonisch afgestemd met J. Testagent,',
    );
    expect(afstemmingZin({ at, withWhom: 'J. Testagent', kanaal: 'EMAIL' })).toContain('per e-mail');
    expect(afstemmingZin({ at, withWhom: 'de wijkagent', kanaal: 'ANDERS' })).not.toContain('telefonisch');
  });
});

describe('doorsturen texts', () => {
  it('give the reason staff chose, and no phone line when none is set', () => {
    const werkgebied = buildDoorsturen({
      ...sender,
      kenmerk: 'PL1',
      reden: 'BUITEN_WERKGEBIED',
      toelichting: null,
      bijlagen: 'het oorspronkelijke meldformulier',
    });
    expect(werkgebied.body).toContain('buiten ons werkgebied');
    expect(werkgebied.body).toContain('Bijgevoegd: het oorspronkelijke meldformulier.');
    const loket = buildDoorsturen({
      ...sender,
      kenmerk: 'PL1',
      reden: 'ANDER_LOKET',
      toelichting: 'Zie Veilig Thuis.',
      bijlagen: null,
    });
    expect(loket.body).not.toContain('werkgebied');
    expect(loket.body).not.toContain('Bijgevoegd');
    expect(loket.body).not.toContain('Telefoon:');
    expect(
      doorgestuurdBerichtTekst({
        ...sender,
        behandelaar: 'A. Agent',
        kenmerk: 'PL1',
        naar: 'Veilig Thuis',
        reden: 'ANDER_LOKET',
      }),
    ).toContain('doorgestuurd naar Veilig Thuis, omdat de melding beter past bij die organisatie');
  });
});

describe('minderjarig', () => {
  it('is under 18 on the day of the voorval, the eighteenth birthday included as adult', () => {
    expect(isMinderjarig('2008-12-07', '2026-12-06T23:59')).toBe(true);
    expect(isMinderjarig('2008-12-07', '2026-12-07T00:00')).toBe(false);
    expect(isMinderjarig('1990-01-01', '2026-12-07T10:00')).toBe(false);
    expect(isMinderjarig(null, '2026-12-07T10:00')).toBe(false);
    expect(isMinderjarig('2010-05-05', null)).toBe(false);
  });
});
