/**
 * The worker's I/O around the decision core (lib/ingest/decide.ts): read what a stored message
 * is (authenticity, MIME, classification, the form), gather what the database knows about it,
 * let `decide` choose, and record that outcome in one transaction with the signal it calls for.
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { DNSResolver } from 'mailauth';
import type { ParsedMail } from 'mailparser';
import type { TDb } from '../../lib/db/client';
import type { Mailbox } from '../../lib/db/generated/client';
import { parseMeldformulier, type TParseResult } from '../../lib/form';
import { getMetrics } from '../../lib/metrics/registry';
import { checkAuthenticity, type TAuthenticity } from '../../lib/mail/authenticity';
import { classifyMail, type TClassification } from '../../lib/mail/classify';
import { parseMime } from '../../lib/mail/parse-mime';
import { readableOf, readableToJson, type TReadableMailJson } from '../../lib/mail/readable-mail';
import { READABLE_PARSE } from '../../lib/mail/readable-parse';
import { parseMeldingSubject } from '../../lib/mail/subject';
import { selectFormAttachment } from '../../lib/mail/select-form-attachment';
import { decide, type TFormReading, type TInboundFacts } from '../../lib/ingest/decide';
import { gatherInboundFacts } from '../../lib/ingest/gather-inbound-facts';
import { recordOutcome } from '../../lib/ingest/record-outcome';
import type { TStoredAttachment } from '../../lib/ingest/record-melding';

export type TProcessInput = {
  db: TDb;
  mailbox: Mailbox;
  inboundId: string;
  raw: Buffer;
  receivedAt: Date;
  resolver?: DNSResolver;
  /** First delay after DNS trouble in the authenticity check; doubled per deferral. */
  authRetryBaseMs?: number;
};

const MAX_ATTACHMENTS = 50;
const MAX_DEFERRALS = 6;
const AUTH_RETRY_BASE_MS = 60_000;

function storedAttachments(mail: ParsedMail, formFilename: string | null): TStoredAttachment[] {
  return mail.attachments.slice(0, MAX_ATTACHMENTS).map((a) => ({
    filename: (a.filename ?? 'bijlage').slice(0, 255),
    contentType: a.contentType,
    declaredType: a.contentType,
    size: a.size,
    sha256: createHash('sha256').update(a.content).digest('hex'),
    content: a.content,
    isForm: a.filename === formFilename,
  }));
}

/** The Message-IDs this mail refers to (its parent first), for threading onto our own mail. */
function referencedIds(mail: ParsedMail): string[] {
  const refs = Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [];
  return [mail.inReplyTo, ...[...refs].reverse()].filter((r): r is string => !!r).slice(0, 100);
}

/** Our outgoing mail among the referenced Message-IDs, with the melding it belongs to. */
async function ourMail(db: TDb, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.outgoingMail.findMany({
    where: { messageId: { in: ids } },
    select: { messageId: true, meldingId: true },
  });
  return new Map(rows.map((r) => [r.messageId, r.meldingId]));
}

/**
 * Everything about one message that needs no write: authenticity, MIME structure, what kind of
 * mail it is, and for a melding the parsed form. Kept apart from recording so the mailbox session
 * can work out the next messages (mailparser here, the form in the parse worker) while earlier
 * ones are being committed (workers/mailbox/session.ts decides what may be recorded side by side).
 */
export type TAnalysis = {
  auth: TAuthenticity;
  /** Set when the MIME structure could not be read at all. */
  unreadable: string | null;
  mail: ParsedMail | null;
  /** The mail as staff read it, kept on the ledger row when recorded. */
  readable: TReadableMailJson | null;
  classification: TClassification | null;
  /** Our mail this one refers to (Message-ID → its melding). */
  referenced: Map<string, string | null>;
  /** The form attachment and its parse, for a melding that may be processed. */
  form: { selected: ReturnType<typeof selectFormAttachment>; parsed: TParseResult | null } | null;
};

function formReading(form: TAnalysis['form']): TFormReading | null {
  if (!form) return null;
  const { selected, parsed } = form;
  if (!selected.ok) return { picked: false, code: selected.code, reason: selected.reason };
  const fileErrors = parsed?.errors.filter((e) => e.field === 'bestand') ?? [];
  const fileProblem = !parsed
    ? 'het meldformulier kon niet worden gelezen'
    : fileErrors.length || !parsed.formulier
      ? fileErrors.map((e) => e.message).join('; ') ||
        parsed.errors.map((e) => e.message).join('; ') ||
        'het meldformulier kon niet worden gelezen'
      : null;
  const errors = parsed?.errors.filter((e) => e.field !== 'bestand') ?? [];
  return {
    picked: true,
    fileProblem,
    formKenmerk: errors.some((e) => e.field === 'kenmerk') ? null : (parsed?.formulier?.kenmerk ?? null),
    contentProblems: errors,
    warnings: parsed?.warnings ?? [],
    hasOfficerEmail: !!parsed?.formulier?.behandelaar.email,
  };
}

export async function analyseInbound(opts: TProcessInput): Promise<TAnalysis> {
  const { db, mailbox: mailbox } = opts;
  const auth = await checkAuthenticity(opts.raw, {
    trustedDomains: mailbox.trustedDomains,
    authservId: mailbox.authservId ?? undefined,
    mta: hostname(),
    resolver: opts.resolver,
  });
  let mail: ParsedMail;
  try {
    // mailparser's own limits (number of parts, nesting) protect us from hostile structure.
    mail = await parseMime(opts.raw, READABLE_PARSE);
  } catch (err) {
    // The same bytes fail the same way every time: not a retry case, but an unreadable message.
    return {
      auth,
      unreadable: `het bericht kon niet worden gelezen (${err instanceof Error ? err.message : String(err)})`,
      mail: null,
      readable: null,
      classification: null,
      referenced: new Map(),
      form: null,
    };
  }
  const refs = referencedIds(mail);
  const referenced = await ourMail(db, refs);
  const classification = classifyMail(mail, new Set(referenced.keys()));
  if (classification.kind === 'auto' && classification.bouncedMessageId) {
    for (const [id, meldingId] of await ourMail(db, [classification.bouncedMessageId]))
      referenced.set(id, meldingId);
  }
  let form: TAnalysis['form'] = null;
  // A form from an unverified sender is not even opened under ENFORCE, unless a person released it.
  // The policy is read now, not from the session's copy: a beheerder who switches it and moves a
  // message back gets the new policy even before the session is rebuilt.
  const person = await db.inboundMessage.findUnique({
    where: { id: opts.inboundId },
    select: { releasedBy: true, resolution: true, mailbox: { select: { authenticityPolicy: true } } },
  });
  const policy = person?.mailbox.authenticityPolicy ?? mailbox.authenticityPolicy;
  const mayRead = auth.verdict === 'pass' || policy !== 'ENFORCE' || !!person?.releasedBy;
  // A person asked to register it: its form is read whatever the subject says.
  const register = person?.resolution === 'REGISTERED';
  if ((classification.kind === 'melding' || register) && mayRead) {
    const selected = selectFormAttachment(mail.attachments);
    const timer = getMetrics().parseDuration.startTimer();
    const parsed = selected.ok
      ? await parseMeldformulier(selected.attachment.content, {
          filename: selected.attachment.filename ?? 'bijlage',
          contentType: selected.attachment.contentType,
          trustedDomains: mailbox.trustedDomains,
          fallbackKenmerk: classification.kind === 'melding' ? classification.kenmerk : undefined,
        })
      : null;
    if (parsed) timer({ outcome: parsed.ok ? 'ok' : 'fout' });
    form = { selected, parsed };
  }
  const readable = readableToJson(readableOf(mail));
  return { auth, unreadable: null, mail, readable, classification, referenced, form };
}

/** Records the outcome of an analysed message: one transaction, and the signal it calls for. */
export async function recordInbound(opts: TProcessInput, a: TAnalysis): Promise<void> {
  const { db, mailbox: mailbox } = opts;
  const known = await gatherInboundFacts({
    db,
    mailbox: mailbox,
    inboundId: opts.inboundId,
    classification: a.classification,
    referenced: a.referenced,
  });
  const facts: TInboundFacts = { ...known.facts, maxDeferrals: MAX_DEFERRALS };
  const outcome = decide(
    {
      authenticity: a.auth,
      unreadable: a.unreadable,
      subjectMelding: parseMeldingSubject(known.storedSubject),
      classification: a.classification,
      form: formReading(a.form),
    },
    facts,
  );
  const formFilename = a.form?.selected.ok ? (a.form.selected.attachment.filename ?? null) : null;
  await recordOutcome({
    db,
    mailbox: mailbox,
    inboundId: opts.inboundId,
    receivedAt: opts.receivedAt,
    outcome,
    authenticity: JSON.parse(JSON.stringify(a.auth)) as object,
    readable: a.readable ?? undefined,
    formulier: a.form?.parsed?.formulier ?? null,
    attachments: a.mail ? storedAttachments(a.mail, formFilename) : [],
    original: {
      messageId: a.mail?.messageId ?? known.storedMessageId,
      subject: a.mail?.subject ?? known.storedSubject,
    },
    forwardedBy:
      a.classification?.kind === 'melding' && a.classification.forwarded
        ? (a.classification.forwardedBy ?? 'onbekend')
        : null,
    duplicateFolder: known.duplicateFolder,
    releasedBy: known.releasedBy,
    previousOutcome: known.previousOutcome,
    bouncedMessageId: a.classification?.kind === 'auto' ? (a.classification.bouncedMessageId ?? null) : null,
    retryAt: (delayFactor) =>
      new Date(Date.now() + (opts.authRetryBaseMs ?? AUTH_RETRY_BASE_MS) * delayFactor),
  });
}
