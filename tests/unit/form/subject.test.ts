import { describe, expect, it } from 'vitest';
import { parseMeldingSubject } from '../../../lib/mail/subject';

describe('parseMeldingSubject', () => {
  it.each([
    ['melding niet-acute zorg met PL1300-2021187654', 'PL1300-2021187654', false],
    ['Melding Niet-Acute Zorg met PL1300-2021187654', 'PL1300-2021187654', false],
    ['melding niet acute zorg met PL1300-2021187654', 'PL1300-2021187654', false],
    ['melding niet-acute zorg met registratiekenmerk PL1300-2021187654', 'PL1300-2021187654', false],
    ['melding niet-acute zorg met registratiekenmerk: PL1300-2021187654', 'PL1300-2021187654', false],
    ['FW: melding niet-acute zorg met PL1300-2021187654', 'PL1300-2021187654', true],
    ['Fwd: melding niet-acute zorg met PL1300-2021187654', 'PL1300-2021187654', true],
    ['Doorst: melding niet-acute zorg met PL1300-2021187654', 'PL1300-2021187654', true],
    ['RE: FW: melding niet-acute zorg met PL1300-2021187654', 'PL1300-2021187654', true],
    ['RE: melding niet-acute zorg met PL1300-2021187654', 'PL1300-2021187654', false],
    ['  melding  niet-acute  zorg  met  PL1300-2021187654.  ', 'PL1300-2021187654', false],
  ])('%s', (subject, kenmerk, forwarded) =>
    expect(parseMeldingSubject(subject)).toEqual({ kenmerk, forwarded }),
  );

  it.each([
    'Verzoek om aanvulling op melding niet-acute zorg met PL1300-2021187654',
    'reply op melding niet acute zorg met PL1300-2021187654',
    'melding acute zorg met PL1300-2021187654',
    'melding niet-acute zorg met',
    'Automatisch antwoord: afwezig',
    '',
  ])('not a new melding: %s', (subject) => expect(parseMeldingSubject(subject)).toBeNull());
});
