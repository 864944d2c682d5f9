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

export function buildAcceptatiesignaal(o: { kenmerk: string; original?: TOriginal }): TOutgoingContent {
  return {
    subject: signalSubject('Acceptatiesignaal', o.kenmerk, o.original),
    body: ACCEPTATIESIGNAAL_TEKST,
    ...threading(o.original),
  };
}

/** `reden` is a Dutch one-liner naming the concrete fault (no attachment, unsupported type, …). */
export function buildFoutmelding(o: {
  kenmerk: string | null;
  reden: string;
  original?: TOriginal;
}): TOutgoingContent {
  return {
    subject: signalSubject('Foutmelding', o.kenmerk, o.original),
    body: FOUTMELDING_PREFIX + oneLine(o.reden),
    ...threading(o.original),
  };
}

/** Bericht 1 (afspraak 8): staff ask the officer for more information; `body` is their text. */
export function buildVerzoekOmAanvulling(o: {
  kenmerk: string;
  body: string;
  original?: TOriginal;
}): TOutgoingContent {
  return {
    subject: `Verzoek om aanvulling op melding niet-acute zorg met ${oneLine(o.kenmerk)}`,
    body: o.body,
    ...threading(o.original),
  };
}

/** Bericht 2 (afspraak 3): the melding belongs at another loket; `body` says which and why. */
export function buildNietInBehandeling(o: {
  kenmerk: string;
  body: string;
  original?: TOriginal;
}): TOutgoingContent {
  return {
    subject: `Niet in behandeling: reply op melding niet acute zorg met ${oneLine(o.kenmerk)}`,
    body: o.body,
    ...threading(o.original),
  };
}
