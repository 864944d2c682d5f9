/**
 * The Bijlage B notice: the meldpunt tells the keeper of the landelijke adressenlijst its current
 * delivery address(es) and werkgebied after a change, so police meldingen keep arriving at the
 * right meldpunt. Pure.
 */
import type { TOutgoingContent } from './templates';

export function buildAdreswijziging(opts: {
  meldpuntNaam: string;
  meldpuntTelefoon: string;
  wijzigingen: string[];
  afleveradressen: string[];
  gemeenten: string[];
  postcodes: { van: number; tot: number; gemeente?: string | null }[];
}): TOutgoingContent {
  const list = (items: string[]) => (items.length ? items.map((i) => `- ${i}`) : ['- (geen)']);
  const body = [
    'Geachte heer/mevrouw,',
    '',
    `Volgens Bijlage B van het Protocol Ketencommunicatie melden wij een wijziging voor ${opts.meldpuntNaam}:`,
    ...list(opts.wijzigingen),
    '',
    'E-mailadres(sen) waarop het meldpunt politiemeldingen ontvangt:',
    ...list(opts.afleveradressen),
    '',
    'Werkgebied — gemeenten:',
    ...list(opts.gemeenten),
    '',
    'Werkgebied — postcodegebieden (PC4):',
    ...list(
      opts.postcodes.map(
        (p) => `${p.van === p.tot ? p.van : `${p.van}–${p.tot}`}${p.gemeente ? ` (${p.gemeente})` : ''}`,
      ),
    ),
    '',
    'Wilt u de landelijke adressenlijst hierop aanpassen?',
    '',
    'Met vriendelijke groet,',
    opts.meldpuntNaam,
    ...(opts.meldpuntTelefoon ? [`Telefoon: ${opts.meldpuntTelefoon}`] : []),
  ].join('\n');
  return {
    subject: `Wijziging afleveradres of werkgebied meldpunt niet-acute zorg: ${opts.meldpuntNaam.replace(/\s+/g, ' ').trim()}`,
    body,
    inReplyTo: null,
    references: [],
  };
}
