/**
 * Is this melding really from the police? DKIM must pass for a domain aligned with the From
 * domain, DMARC must pass, and the From domain must be one of the mailbox's trusted domains (or a
 * subdomain). Pure apart from DNS, which goes through the injectable `resolver` (tests run
 * offline). Never throws: garbage in gives a `fail` with a reason.
 */
import { authenticate, type DKIMResult, type DNSResolver } from 'mailauth';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { headerValues, trustedAuthenticationResults } from './authentication-results';

export type TAuthenticityOptions = {
  trustedDomains: string[];
  /** authserv-id of our own receiving MTA; its Authentication-Results header is then believed. */
  authservId?: string;
  resolver?: DNSResolver;
  ip?: string;
  helo?: string;
  sender?: string;
  /** Our host name, written into mailauth's own result header. */
  mta: string;
};

export type TAuthenticity = {
  verdict: 'pass' | 'fail';
  /** Dutch one-liner for staff and the beheerder; null on pass. */
  reason: string | null;
  /** DNS trouble: the same message may pass later, so quarantine is not the last word. */
  temporary: boolean;
  /** Who decided: our own check, or the trusted MTA's Authentication-Results header. */
  source: 'verified' | 'authentication-results';
  fromDomain: string | null;
  dkim: { domain: string; result: string }[];
  dmarc: string | null;
};

/** `a` equals `b` or is a subdomain of it. Labels, not characters: politie.nl.evil.example is not politie.nl. */
function isWithin(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`);
}

function normalizeDomain(d: string): string {
  return d.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * Relaxed alignment (RFC 7489 3.1.1) without a public-suffix list: the signing domain must itself
 * be trusted and be the From domain, a parent of it or a child of it. Inside a trusted domain
 * this is the same organisational domain, which is all relaxed alignment asks.
 */
function alignedTrusted(signing: string, from: string, trusted: string[]): boolean {
  return trusted.some((t) => isWithin(signing, t)) && (isWithin(from, signing) || isWithin(signing, from));
}

type TEvidence = Omit<TAuthenticity, 'verdict' | 'reason' | 'temporary'>;

function decide(e: TEvidence, trusted: string[]): TAuthenticity {
  const fail = (reason: string, temporary = false): TAuthenticity => ({
    ...e,
    verdict: 'fail',
    reason,
    temporary,
  });
  const from = e.fromDomain;
  if (!from) return fail('Het bericht heeft geen eenduidig afzenderadres (Van).');
  if (!trusted.some((t) => isWithin(from, t))) {
    return fail(
      `Het afzenderdomein ${from} hoort niet bij de vertrouwde domeinen (${trusted.join(', ') || 'geen ingesteld'}).`,
    );
  }
  const temporary = e.dkim.some((d) => d.result === 'temperror') || e.dmarc === 'temperror';
  if (!e.dkim.length) return fail('Het bericht heeft geen DKIM-handtekening.');
  const passing = e.dkim.filter((d) => d.result === 'pass');
  if (!passing.length) {
    if (e.dkim.some((d) => d.result === BODY_LENGTH_LIMITED))
      return fail(
        'De DKIM-handtekening dekt maar een deel van het bericht (l=); de rest kan door iedereen zijn toegevoegd.',
      );
    return fail(
      `De DKIM-handtekening is niet geldig (${e.dkim.map((d) => `${d.domain || '?'}: ${d.result}`).join(', ')}).`,
      temporary,
    );
  }
  if (!passing.some((d) => alignedTrusted(d.domain, from, trusted))) {
    return fail(
      `De DKIM-handtekening is van ${passing.map((d) => d.domain).join(', ')}, niet van het afzenderdomein ${from}.`,
    );
  }
  if (e.dmarc !== 'pass')
    return fail(`De DMARC-controle is niet geslaagd (${e.dmarc ?? 'geen resultaat'}).`, temporary);
  return { ...e, verdict: 'pass', reason: null, temporary: false };
}

/** The single From address's domain, or null for none, several, or several From headers. */
function fromDomainOf(raw: Buffer): string | null {
  const values = headerValues(raw, 'from');
  if (values.length !== 1 || !values[0]) return null;
  const addresses = addressparser(values[0], { flatten: true });
  const address = addresses.length === 1 ? addresses[0]?.address : undefined;
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at > 0 ? normalizeDomain(address.slice(at + 1)) || null : null;
}

/**
 * A DKIM signature with `l=` covers only the first bytes of the body: anyone can append a part
 * (another form, a link) and the signature still passes. Such a pass does not count for
 * alignment: it is reported as `policy` (RFC 8601: valid, refused by local policy).
 */
const BODY_LENGTH_LIMITED = 'policy';

/** Signing domains that have a DKIM-Signature with a body length (`l=`) tag in the message. */
function domainsSigningWithBodyLength(raw: Buffer): Set<string> {
  const domains = new Set<string>();
  for (const value of headerValues(raw, 'dkim-signature')) {
    const tags = new Map(
      value
        .replace(/\s+/g, '')
        .split(';')
        .map((tag) => tag.split('=', 2) as [string, string?])
        .map(([name, tagValue]) => [name.toLowerCase(), tagValue ?? ''] as const),
    );
    if (tags.has('l') && tags.get('d')) domains.add(normalizeDomain(tags.get('d')!));
  }
  return domains;
}

function fromHeaderResults(raw: Buffer, authservId: string): TEvidence | null {
  const header = trustedAuthenticationResults(raw, authservId);
  if (!header) return null;
  const fromDomain = fromDomainOf(raw);
  // The MTA's header does not say whether a pass covered the whole body; the signatures do.
  const limited = domainsSigningWithBodyLength(raw);
  const dkim = header.entries
    .filter((r) => r.method === 'dkim')
    .map((r) => {
      const domain = normalizeDomain(r.props['header.d'] ?? r.props['header.i']?.split('@').pop() ?? '');
      return { domain, result: r.result === 'pass' && limited.has(domain) ? BODY_LENGTH_LIMITED : r.result };
    });
  const dmarcEntry = header.entries.find((r) => r.method === 'dmarc');
  // A DMARC verdict about another From domain says nothing about this message.
  const dmarcFrom = dmarcEntry?.props['header.from'];
  const dmarc =
    dmarcEntry && (!dmarcFrom || (fromDomain && normalizeDomain(dmarcFrom) === fromDomain))
      ? dmarcEntry.result
      : null;
  return { source: 'authentication-results', fromDomain, dkim, dmarc };
}

async function verifyOurselves(raw: Buffer, opts: TAuthenticityOptions): Promise<TEvidence> {
  const result = await authenticate(raw, {
    resolver: opts.resolver,
    ip: opts.ip,
    helo: opts.helo,
    sender: opts.sender,
    mta: opts.mta,
    disableArc: true,
    disableBimi: true,
  });
  // mailauth's own From parsing is what its DMARC evaluated; several From headers or addresses are refused.
  const headerFrom = result.dkim.headerFrom ?? [];
  const fromDomain =
    headerFrom.length === 1 && fromDomainOf(raw) !== null
      ? normalizeDomain(headerFrom[0]?.split('@').pop() ?? '') || null
      : null;
  // mailauth reports a body-length-limited signature as canonBodyLengthLimited (not in its typings).
  const dkim = (
    (result.dkim.results as (DKIMResult & { canonBodyLengthLimited?: boolean })[] | undefined) ?? []
  )
    .filter((r) => r.status?.result !== 'none')
    .map((r) => ({
      domain: normalizeDomain(r.signingDomain ?? ''),
      result: r.status.result === 'pass' && r.canonBodyLengthLimited ? BODY_LENGTH_LIMITED : r.status.result,
    }));
  const dmarc = result.dmarc ? (result.dmarc.status?.result ?? null) : null;
  return { source: 'verified', fromDomain, dkim, dmarc };
}

export async function checkAuthenticity(raw: Buffer, opts: TAuthenticityOptions): Promise<TAuthenticity> {
  const trusted = opts.trustedDomains.map(normalizeDomain).filter(Boolean);
  try {
    const evidence =
      (opts.authservId ? fromHeaderResults(raw, opts.authservId) : null) ??
      (await verifyOurselves(raw, opts));
    return decide(evidence, trusted);
  } catch {
    return {
      verdict: 'fail',
      reason: 'De echtheid van de afzender kon niet worden gecontroleerd.',
      temporary: false,
      source: 'verified',
      fromDomain: null,
      dkim: [],
      dmarc: null,
    };
  }
}
