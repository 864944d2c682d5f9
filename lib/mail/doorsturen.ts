/**
 * The mail that forwards a melding to another meldpunt (uitkomst DOORGESTUURD). The subject keeps
 * the protocol's "melding niet-acute zorg met <kenmerk>" behind a forward prefix, so the receiving
 * meldpunt's system recognises it as a forwarded melding; the original form goes along as an
 * attachment (added by the outbox relay from the stored form). Pure.
 */
import type { TOutgoingContent } from './templates';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function buildDoorsturen(o: {
  kenmerk: string;
  toelichting: string | null;
  meldpuntNaam: string;
  meldpuntTelefoon: string;
}): TOutgoingContent {
  const body = [
    'Geachte collega,',
    '',
    `Hierbij sturen wij u de melding niet-acute zorg met kenmerk ${oneLine(o.kenmerk)} door. ` +
      'De betrokkene woont, of het voorval vond plaats, buiten ons werkgebied; wij verzoeken u de melding op te pakken. ' +
      'Het oorspronkelijke meldformulier is bijgevoegd.',
    ...(o.toelichting?.trim() ? ['', o.toelichting.trim()] : []),
    '',
    'Met vriendelijke groet,',
    o.meldpuntNaam,
    ...(o.meldpuntTelefoon ? [`Telefoon: ${o.meldpuntTelefoon}`] : []),
  ].join('\n');
  return {
    subject: `Doorst: melding niet-acute zorg met ${oneLine(o.kenmerk)}`,
    body,
    inReplyTo: null,
    references: [],
  };
}
