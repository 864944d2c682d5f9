/**
 * The subject of a new melding (protocol v2.0, bericht 1 afspraak 12):
 * `melding niet-acute zorg met <registratiekenmerk>`. Officers' mail clients and colleagues
 * vary it: any case, "niet acute" without the hyphen, the word "registratiekenmerk" before the
 * kenmerk, and forward/reply prefixes ("FW:", "Fwd:", "Doorst:", "RE:"), possibly stacked.
 */
export type TMeldingSubject = { kenmerk: string; forwarded: boolean };

const PREFIX = /^\s*(fwd?|doorst|re|aw|wg)\s*:\s*/i;
const FORWARD_PREFIXES = new Set(['fw', 'fwd', 'doorst', 'wg']);
const MELDING =
  /^melding\s+niet[\s-]*acute\s+zorg\s+met\s+(?:registratiekenmerk\s*:?\s*)?([A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?![A-Za-z0-9-])/i;

export function parseMeldingSubject(subject: string | null | undefined): TMeldingSubject | null {
  if (!subject) return null;
  let rest = subject.normalize('NFC');
  let forwarded = false;
  for (let prefix = PREFIX.exec(rest); prefix; prefix = PREFIX.exec(rest)) {
    if (FORWARD_PREFIXES.has(prefix[1]!.toLowerCase())) forwarded = true;
    rest = rest.slice(prefix[0].length);
  }
  const match = MELDING.exec(rest.trim());
  return match ? { kenmerk: match[1]!, forwarded } : null;
}

const KENMERK_ANYWHERE =
  /niet[\s-]*acute\s+zorg\s+met\s+(?:registratiekenmerk\s*:?\s*)?([A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?![A-Za-z0-9-])/i;

/** The kenmerk in any chain subject (a melding, our signals and requests, replies to them), or null. */
export function kenmerkFromSubject(subject: string | null | undefined): string | null {
  return subject ? (KENMERK_ANYWHERE.exec(subject.normalize('NFC'))?.[1] ?? null) : null;
}
