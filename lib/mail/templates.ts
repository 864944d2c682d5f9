/**
 * Outgoing mail of the chain, texts exactly as the protocol prescribes (see shared/DESIGN.md).
 * Pure builders: the caller adds recipient and Message-ID and queues the result.
 */

export type TOutgoingContent = {
  subject: string;
  /** Plain-text body; the column is called `body` in OutgoingMail. */
  body: string;
  inReplyTo: string | null;
  references: string[];
};

/** The mail we answer: threading headers come from it, and its subject when no kenmerk is known. */
export type TOriginal = { messageId: string | null; subject: string | null; references?: string[] };

export const ACCEPTATIESIGNAAL_TEKST =
  'Uw bericht is succesvol verwerkt in ons informatiesysteem en daarin ontvangen voor gebruik door de beoogde medewerkers.';

const FOUTMELDING_PREFIX =
  'Uw bericht is ontvangen maar kon niet succesvol verwerkt worden in ons informatiesysteem vanwege deze fout in de verwerking: ';

/** Mail headers cannot carry line breaks; a hostile subject or kenmerk must not add headers. */
function oneLine(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function threading(original?: TOriginal): Pick<TOutgoingContent, 'inReplyTo' | 'references'> {
  const id = original?.messageId ? oneLine(original.messageId) : null;
  const references = [...(original?.references ?? []).map(oneLine), ...(id ? [id] : [])];
  return { inReplyTo: id, references: [...new Set(references)] };
}

/** Subject for a signal: the kenmerk when we know it, else the police's own subject. */
function signalSubject(label: string, kenmerk: string | null, original?: TOriginal): string {
  if (kenmerk) return `${label}: melding niet-acute zorg met ${oneLine(kenmerk)}`;
  const subject = original?.subject ? oneLine(original.subject) : '';
  return subject ? `${label}: ${subject}` : `${label}: melding niet-acute zorg`;
}

export function buildAcceptatiesignaal(opts: { kenmerk: string; original?: TOriginal }): TOutgoingContent {
  return {
    subject: signalSubject('Acceptatiesignaal', opts.kenmerk, opts.original),
    body: ACCEPTATIESIGNAAL_TEKST,
    ...threading(opts.original),
  };
}

/** `reden` is a Dutch one-liner naming the concrete fault (no attachment, unsupported type, …). */
export function buildFoutmelding(opts: {
  kenmerk: string | null;
  reden: string;
  original?: TOriginal;
}): TOutgoingContent {
  return {
    subject: signalSubject('Foutmelding', opts.kenmerk, opts.original),
    body: FOUTMELDING_PREFIX + oneLine(opts.reden),
    ...threading(opts.original),
  };
}

/** Bericht 1 (afspraak 8): staff ask the officer for more information; `body` is their text. */
export function buildVerzoekOmAanvulling(opts: {
  kenmerk: string;
  body: string;
  original?: TOriginal;
}): TOutgoingContent {
  return {
    subject: `Verzoek om aanvulling op melding niet-acute zorg met ${oneLine(opts.kenmerk)}`,
    body: opts.body,
    ...threading(opts.original),
  };
}

/**
 * Bericht 2 (afspraak 2 and 3): the "reply op melding" to the officer — the melding is not taken
 * into behandeling, or was forwarded elsewhere; `body` says where and why. The subject STARTS with
 * the protocol's text, so a filter on the police side that matches its start finds it.
 */
export function buildReplyOpMelding(opts: {
  kenmerk: string;
  body: string;
  original?: TOriginal;
}): TOutgoingContent {
  return {
    subject: `reply op melding niet acute zorg met ${oneLine(opts.kenmerk)}`,
    body: opts.body,
    ...threading(opts.original),
  };
}

/**
 * A reminder of an unanswered verzoek om aanvulling: the protocol's subject behind "Herinnering",
 * threaded to the first request (`original` is that request), so it lands in the same conversation.
 */
export function buildHerinneringAanvulling(opts: {
  kenmerk: string;
  body: string;
  original: TOriginal;
}): TOutgoingContent {
  return {
    subject: `Herinnering: Verzoek om aanvulling op melding niet-acute zorg met ${oneLine(opts.kenmerk)}`,
    body: opts.body,
    ...threading(opts.original),
  };
}

/** Terugkoppeling (handreiking §3.8): subject and text from the editable template, threaded. */
export function buildTerugkoppeling(opts: {
  subject: string;
  body: string;
  original?: TOriginal;
}): TOutgoingContent {
  return { subject: oneLine(opts.subject), body: opts.body, ...threading(opts.original) };
}

const DAY = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The reminder's text: which request, when, and how to answer; the first request quoted below. */
export function herinneringTekst(opts: {
  behandelaar: string;
  kenmerk: string;
  requestedAt: Date;
  requestBody: string;
  meldpuntNaam: string;
  meldpuntTelefoon: string;
}): string {
  return [
    `Beste ${opts.behandelaar},`,
    '',
    `Op ${DAY.format(opts.requestedAt)} vroegen wij u om aanvulling op de melding niet-acute zorg met kenmerk ${oneLine(opts.kenmerk)}. ` +
      'Wij hebben nog geen reactie ontvangen. Wilt u op deze e-mail antwoorden' +
      (opts.meldpuntTelefoon ? ` of ons bellen op ${opts.meldpuntTelefoon}?` : '?'),
    '',
    'Met vriendelijke groet,',
    opts.meldpuntNaam,
    '',
    '--- Ons eerdere verzoek ---',
    ...opts.requestBody.split('\n').map((line) => `> ${line}`),
  ].join('\n');
}
