/**
 * What kind of mail reached the meldpunt's mailbox. Pure: the caller passes the parsed mail and
 * a lookup of the Message-IDs we sent. Order matters and is deliberate:
 * 1. machine mail (bounces, out-of-office) first, so an auto-reply quoting a melding subject
 *    is never answered as a melding;
 * 2. replies to mail we sent, by In-Reply-To/References, then by one of our own subjects;
 * 3. new and forwarded meldingen by the protocol subject;
 * 4. everything else.
 */
import { detectAutoResponse, type TAutoResponse, type THeaderMap, type TPart } from './auto-response';
import { parseMeldingSubject } from './subject';

/** The parts of mailparser's ParsedMail this needs; a ParsedMail fits as is. */
export type TMailForClassification = {
  headers: THeaderMap;
  subject?: string;
  from?: { value: { address?: string }[] };
  messageId?: string;
  inReplyTo?: string;
  references?: string | string[];
  attachments: readonly (TPart & { filename?: string; size?: number })[];
};

export type TClassification =
  | { kind: 'melding'; kenmerk: string; forwarded: false }
  | { kind: 'melding'; kenmerk: string; forwarded: true; forwardedBy: string | null }
  /** inReplyTo: which of our Message-IDs it answers (null when matched by subject only). */
  | { kind: 'reply'; inReplyTo: string | null; kenmerk: string | null }
  | ({ kind: 'auto' } & TAutoResponse)
  | { kind: 'other' };

export type TOurMessageIds = ReadonlySet<string> | ((messageId: string) => boolean);

const PREFIXES = /^\s*(re|antw|aw|sv|vs|fw|fwd|doorst|wg)\s*(\[\d+\])?\s*:\s*/i;
const KENMERK = '(?:registratiekenmerk\\s*:?\\s*)?([A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?![A-Za-z0-9-])';
/** Subjects of mail we send (see templates.ts): a reply keeps them behind its "RE:". */
const OUR_SUBJECTS = [
  new RegExp(`^verzoek om aanvulling op melding niet[\\s-]*acute zorg met ${KENMERK}`, 'i'),
  new RegExp(`^niet in behandeling:.*?reply op melding niet[\\s-]*acute zorg met ${KENMERK}`, 'i'),
  new RegExp(`^reply op melding niet[\\s-]*acute zorg met ${KENMERK}`, 'i'),
  new RegExp(`^(?:acceptatiesignaal|foutmelding):\\s*(?:melding niet[\\s-]*acute zorg met ${KENMERK})?`, 'i'),
];

function stripPrefixes(subject: string): { rest: string; prefixed: boolean } {
  let rest = subject.normalize('NFC');
  let prefixed = false;
  for (let m = PREFIXES.exec(rest); m; m = PREFIXES.exec(rest)) {
    rest = rest.slice(m[0].length);
    prefixed = true;
  }
  return { rest: rest.trim(), prefixed };
}

/** Our own subject, and the kenmerk in it when there is one. */
function ourSubject(rest: string): { kenmerk: string | null } | null {
  for (const re of OUR_SUBJECTS) {
    const m = re.exec(rest);
    if (m) return { kenmerk: m[1] ?? null };
  }
  return null;
}

function referencedIds(mail: TMailForClassification): string[] {
  const refs = Array.isArray(mail.references)
    ? mail.references
    : mail.references
      ? mail.references.split(/\s+/)
      : [];
  // In-Reply-To names the direct parent; References lists ancestors oldest first, so walk it backwards.
  return [mail.inReplyTo, ...[...refs].reverse()].map((r) => r?.trim()).filter((r): r is string => !!r);
}

export function classifyMail(mail: TMailForClassification, ours: TOurMessageIds): TClassification {
  const isOurs = typeof ours === 'function' ? ours : (id: string) => ours.has(id);
  const subject = mail.subject ?? '';
  const fromAddress = mail.from?.value[0]?.address?.toLowerCase();
  const melding = parseMeldingSubject(subject);

  const auto = detectAutoResponse({
    headers: mail.headers,
    subject,
    fromAddress,
    attachments: mail.attachments,
  });
  // Weak marks (e.g. Auto-Submitted: auto-generated) are also on the police's own automated
  // meldingen; losing a melding is worse than recording one robot's mail as a melding.
  if (auto && (auto.strength === 'certain' || !melding)) return { kind: 'auto', ...auto.result };

  const answered = referencedIds(mail).find(isOurs);
  const { rest, prefixed } = stripPrefixes(subject);
  const own = ourSubject(rest);
  if (answered)
    return { kind: 'reply', inReplyTo: answered, kenmerk: own?.kenmerk ?? melding?.kenmerk ?? null };
  // Our own subject without a reply prefix is our mail coming back (a loop or a copy): never a melding.
  if (own)
    return prefixed && own.kenmerk
      ? { kind: 'reply', inReplyTo: null, kenmerk: own.kenmerk }
      : { kind: 'other' };

  if (melding) {
    return melding.forwarded
      ? { kind: 'melding', kenmerk: melding.kenmerk, forwarded: true, forwardedBy: fromAddress ?? null }
      : { kind: 'melding', kenmerk: melding.kenmerk, forwarded: false };
  }
  return { kind: 'other' };
}
