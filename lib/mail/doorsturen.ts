/**
 * The mail that forwards a melding to another meldpunt or loket (uitkomst DOORGESTUURD), written
 * from the reason staff chose, and the officer's notice of where it went (bericht 2). The forward's
 * subject keeps the protocol's "melding niet-acute zorg met <kenmerk>" behind a forward prefix, so
 * the receiving meldpunt's system recognises it as a forwarded melding. Pure.
 */
import type { TOutgoingContent } from './templates';

export const DOORSTUUR_REDENEN = ['BUITEN_WERKGEBIED', 'ANDER_LOKET', 'ANDERS'] as const;
export type TDoorstuurReden = (typeof DOORSTUUR_REDENEN)[number];

export const DOORSTUUR_REDEN_LABELS: Record<TDoorstuurReden, string> = {
  BUITEN_WERKGEBIED: 'Buiten ons werkgebied',
  ANDER_LOKET: 'Past bij een ander loket (bijvoorbeeld Veilig Thuis)',
  ANDERS: 'Anders (licht toe)',
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const REDEN_ZIN: Record<TDoorstuurReden, string> = {
  BUITEN_WERKGEBIED:
    'De betrokkene woont, of het voorval vond plaats, buiten ons werkgebied; wij verzoeken u de melding op te pakken.',
  ANDER_LOKET:
    'Naar ons oordeel past deze melding beter bij uw organisatie; wij verzoeken u de melding op te pakken.',
  ANDERS: 'Wij verzoeken u de melding op te pakken; de reden staat hieronder.',
};

type TSender = { meldpuntNaam: string; meldpuntTelefoon: string };

function signature(sender: TSender): string[] {
  return [
    'Met vriendelijke groet,',
    sender.meldpuntNaam,
    ...(sender.meldpuntTelefoon ? [`Telefoon: ${sender.meldpuntTelefoon}`] : []),
  ];
}

export function buildDoorsturen(
  opts: TSender & {
    kenmerk: string;
    reden: TDoorstuurReden;
    toelichting: string | null;
    /** What goes along, in words ("het oorspronkelijke meldformulier", "2 bijlagen"), or null. */
    bijlagen: string | null;
  },
): TOutgoingContent {
  const body = [
    'Geachte collega,',
    '',
    `Hierbij sturen wij u de melding niet-acute zorg met kenmerk ${oneLine(opts.kenmerk)} door. ${REDEN_ZIN[opts.reden]}` +
      (opts.bijlagen ? ` Bijgevoegd: ${opts.bijlagen}.` : ''),
    ...(opts.toelichting?.trim() ? ['', opts.toelichting.trim()] : []),
    '',
    ...signature(opts),
  ].join('\n');
  return {
    subject: `Doorst: melding niet-acute zorg met ${oneLine(opts.kenmerk)}`,
    body,
    inReplyTo: null,
    references: [],
  };
}

/** Bericht 2 after forwarding: the officer hears where the melding went, and why (no case detail). */
export function doorgestuurdBerichtTekst(
  opts: TSender & { behandelaar: string; kenmerk: string; naar: string; reden: TDoorstuurReden },
): string {
  const why: Record<TDoorstuurReden, string> = {
    BUITEN_WERKGEBIED: 'omdat de melding buiten ons werkgebied valt',
    ANDER_LOKET: 'omdat de melding beter past bij die organisatie',
    ANDERS: 'na afweging door ons meldpunt',
  };
  return [
    `Beste ${opts.behandelaar},`,
    '',
    `Wij hebben de melding niet-acute zorg met kenmerk ${oneLine(opts.kenmerk)} doorgestuurd naar ${oneLine(opts.naar)}, ${why[opts.reden]}. ` +
      'Voor vragen over de verdere afhandeling kunt u contact opnemen met die organisatie.',
    '',
    ...signature(opts),
  ].join('\n');
}
