/**
 * The decision core for incoming mail: what was seen in a message (analysis) and what the
 * database knows about it (facts) → what to do (outcome). Pure: no database, no IMAP, no clock;
 * the worker gathers the facts, calls this and records the outcome. tests/unit/ingest/decide.test.ts
 * walks the whole table.
 *
 * The rules, in order:
 * 0. The test mail of an open keten-zelftest (its Message-ID is one we sent for that test): recorded
 *    as the test's progress only, never a melding. Anything else that looks like a test mail (a
 *    forged or stale marker) is ordinary mail and goes through the rules below.
 * 1. A repeated delivery of a message already decided: an accepted melding gets its
 *    acceptatiesignaal again (the police resend when they saw none, afspraak 11), a refused one
 *    its foutmelding again; anything else is recorded as a duplicate.
 * 2. DNS trouble during the authenticity check: tried again later with backoff, not quarantined.
 * 3. Authenticity: under ENFORCE an unverified melding is quarantined and an unverified reply or
 *    auto-reply never reaches a melding; under MONITOR they proceed, flagged. A person's release
 *    counts as verified.
 * 4. A melding: a foutmelding only for a processing fault (no form, an unreadable attachment, a
 *    kenmerk in the subject that contradicts the form). Content problems are accepted with
 *    warnings and a prompt to ask for aanvulling.
 * 5. A reply reaches an open melding only; a closed or anonymised melding's reply waits in the
 *    work queue, as does a reply that matches no melding.
 * 6. Signals only for meldingen: no backscatter to auto-replies, bounces or other mail.
 * 7. A person asked to register the message as a melding (from the work queue): its form is read
 *    whatever the subject or sender; the acceptatiesignaal only for a protocol melding.
 */
import type { TClassification } from '../mail/classify';

export type TPolicy = 'ENFORCE' | 'MONITOR';

export type TFormReading =
  /** No form could be picked from the attachments (none, several, an unsupported or broken file). */
  | {
      picked: false;
      code: 'no-attachment' | 'unsupported-type' | 'several-forms' | 'unreadable';
      reason: string;
    }
  | {
      picked: true;
      /** The file could not be read at all (corrupt, encrypted, not a meldformulier). */
      fileProblem: string | null;
      /** Kenmerk as the form has it; null when the form lacks one. */
      formKenmerk: string | null;
      /** Content findings: missing or implausible fields. Never a reason to refuse. */
      contentProblems: { field: string; message: string }[];
      warnings: { field: string; message: string }[];
      hasOfficerEmail: boolean;
    };

export type TInboundAnalysis = {
  authenticity: { verdict: 'pass' | 'fail'; temporary: boolean; reason: string | null };
  /** The MIME structure could not be read; `subjectMelding` then comes from the stored subject. */
  unreadable: string | null;
  subjectMelding: { kenmerk: string; forwarded: boolean } | null;
  classification: TClassification | null;
  /** Read only for a melding; null when not read (not a melding, or refused before reading). */
  form: TFormReading | null;
};

export type TMeldingLink = { meldingId: string; closed: boolean; anonymised: boolean };

export type TInboundFacts = {
  policy: TPolicy;
  /** A person released this message from quarantine (or asked to register it: that releases too). */
  released: boolean;
  /** A person asked to register this message as a melding from its attached form. */
  registerByHand: boolean;
  /** How often the authenticity check was put off for DNS trouble already. */
  deferrals: number;
  maxDeferrals: number;
  /** The earlier delivery of the same message (same bytes or Message-ID), decided already. */
  duplicateOf: {
    outcome: 'accepted' | 'refused' | 'other';
    meldingId: string | null;
    kenmerk: string | null;
    reason: string | null;
  } | null;
  /** The melding a reply or auto-reply refers to (through our Message-ID or its kenmerk). */
  linkedMelding: TMeldingLink | null;
  /** The message is the test mail of an open keten-zelftest of this mailbox (lib/zelftest). */
  zelftest: boolean;
};

export type TAcceptance = {
  kenmerk: string;
  /** Warnings shown on the melding: the parser's plus the content problems. */
  warnings: { field: string; message: string }[];
  /** Content is incomplete: staff are asked to request aanvulling, by phone when there is no e-mail. */
  askAanvulling: null | 'email' | 'telefoon';
  verified: boolean;
  /** Registered at a person's request rather than by the protocol. */
  byHand: boolean;
  /** The police get the acceptatiesignaal: only for a mail with the protocol subject. */
  signal: boolean;
  /** The kenmerk the signal names: the one the police put in their subject. */
  signalKenmerk: string;
};

export type TInboundOutcome =
  | ({ kind: 'accept' } & TAcceptance)
  | { kind: 'foutmelding'; kenmerk: string; reason: string; forwarded: boolean }
  | { kind: 'quarantine'; reason: string; isMelding: boolean; forwarded: boolean }
  | { kind: 'defer'; reason: string; delayFactor: number }
  | { kind: 'resend-accepted'; meldingId: string; kenmerk: string }
  | { kind: 'resend-refused'; kenmerk: string; reason: string }
  | { kind: 'duplicate' }
  | { kind: 'reply'; meldingId: string; verified: boolean }
  | {
      kind: 'reply-to-queue';
      code: 'unverified' | 'closed' | 'unlinked';
      reason: string;
      meldingId: string | null;
    }
  | { kind: 'auto-linked'; meldingId: string; bounce: boolean; verified: boolean }
  | { kind: 'auto'; bounce: boolean; reason: string | null }
  | { kind: 'other'; reason: string | null }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'register-failed'; reason: string }
  | { kind: 'zelftest' };

const sameKenmerk = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/** Field problems that call for an aanvulling from the officer rather than a warning only. */
const AANVULLING_FIELDS = new Set(['redenAanmelding', 'behandelaar.email', 'kenmerk', 'betrokkene.bsn']);

/**
 * Whether a melding's findings call for asking the officer to complete it, and how: by e-mail
 * to the address in the form, or by phone when the form has none (afspraak 3 and 8).
 */
export function aanvullingPrompt(
  findings: readonly { field: string }[],
  hasOfficerEmail: boolean,
): TAcceptance['askAanvulling'] {
  if (!findings.some((f) => AANVULLING_FIELDS.has(f.field))) return null;
  return hasOfficerEmail ? 'email' : 'telefoon';
}

function decideMelding(
  a: TInboundAnalysis,
  melding: { kenmerk: string; forwarded: boolean },
  verified: boolean,
): TInboundOutcome {
  const fail = (reason: string): TInboundOutcome => ({
    kind: 'foutmelding',
    kenmerk: melding.kenmerk,
    reason,
    forwarded: melding.forwarded,
  });
  const form = a.form;
  if (!form) return fail('het meldformulier kon niet worden gelezen');
  if (!form.picked) return fail(form.reason);
  if (form.fileProblem) return fail(form.fileProblem);
  if (form.formKenmerk && !sameKenmerk(form.formKenmerk, melding.kenmerk))
    return fail(
      `het kenmerk in het onderwerp (${melding.kenmerk}) verschilt van het kenmerk in het meldformulier (${form.formKenmerk})`,
    );
  const warnings = [...form.contentProblems, ...form.warnings];
  return {
    kind: 'accept',
    kenmerk: form.formKenmerk ?? melding.kenmerk,
    warnings,
    askAanvulling: aanvullingPrompt(warnings, form.hasOfficerEmail),
    verified,
    byHand: false,
    signal: true,
    signalKenmerk: melding.kenmerk,
  };
}

/** Rule 7: a person's request to register; refused only when there is no readable form. */
function decideRegistration(
  a: TInboundAnalysis,
  melding: { kenmerk: string; forwarded: boolean } | null,
): TInboundOutcome {
  const form = a.form;
  const refuse = (reason: string): TInboundOutcome => ({
    kind: 'register-failed',
    reason: `Registreren lukte niet: ${reason}. Registreer de melding met de hand.`,
  });
  if (!form) return refuse('er is geen meldformulier gevonden');
  if (!form.picked) return refuse(form.reason);
  if (form.fileProblem) return refuse(form.fileProblem);
  const kenmerk = form.formKenmerk ?? melding?.kenmerk;
  if (!kenmerk) return refuse('het formulier heeft geen kenmerk');
  const warnings = [...form.contentProblems, ...form.warnings];
  return {
    kind: 'accept',
    kenmerk,
    warnings,
    askAanvulling: aanvullingPrompt(warnings, form.hasOfficerEmail),
    verified: true,
    byHand: true,
    signal: melding !== null,
    signalKenmerk: melding?.kenmerk ?? kenmerk,
  };
}

export function decide(a: TInboundAnalysis, facts: TInboundFacts): TInboundOutcome {
  if (facts.zelftest) return { kind: 'zelftest' };
  const verified = a.authenticity.verdict === 'pass' || facts.released;
  const trusted = verified || facts.policy === 'MONITOR';
  const melding =
    a.classification?.kind === 'melding'
      ? { kenmerk: a.classification.kenmerk, forwarded: a.classification.forwarded }
      : a.unreadable !== null
        ? a.subjectMelding
        : null;

  if (facts.registerByHand) return decideRegistration(a, melding);

  // 1. Repeated delivery. Only a sender we would answer anyway gets the signal again.
  if (facts.duplicateOf && !facts.released) {
    const earlier = facts.duplicateOf;
    if (earlier.outcome === 'accepted' && earlier.meldingId && earlier.kenmerk && trusted)
      return { kind: 'resend-accepted', meldingId: earlier.meldingId, kenmerk: earlier.kenmerk };
    if (earlier.outcome === 'refused' && earlier.kenmerk && earlier.reason && trusted)
      return { kind: 'resend-refused', kenmerk: earlier.kenmerk, reason: earlier.reason };
    if (earlier.outcome !== 'other' || !melding) return { kind: 'duplicate' };
    // An earlier delivery that was quarantined or waited: decided afresh under today's policy.
  }

  // 2. DNS trouble: the same message may pass in a minute. Only where authenticity matters.
  const needsAuthenticity =
    melding !== null || a.classification?.kind === 'reply' || a.classification?.kind === 'auto';
  if (
    !verified &&
    a.authenticity.temporary &&
    facts.policy === 'ENFORCE' &&
    needsAuthenticity &&
    facts.deferrals < facts.maxDeferrals
  )
    return {
      kind: 'defer',
      reason: a.authenticity.reason ?? 'De echtheid van de afzender kon tijdelijk niet worden gecontroleerd',
      delayFactor: 2 ** facts.deferrals,
    };

  const unverifiedReason = a.authenticity.reason ?? 'Afzender niet geverifieerd';
  if (melding) {
    if (!trusted)
      return { kind: 'quarantine', reason: unverifiedReason, isMelding: true, forwarded: melding.forwarded };
    if (a.unreadable !== null)
      return {
        kind: 'foutmelding',
        kenmerk: melding.kenmerk,
        reason: a.unreadable,
        forwarded: melding.forwarded,
      };
    return decideMelding(a, melding, verified);
  }
  if (a.unreadable !== null) return { kind: 'unreadable', reason: a.unreadable };

  const c = a.classification;
  const link = facts.linkedMelding;
  if (c?.kind === 'reply') {
    if (!trusted)
      return {
        kind: 'reply-to-queue',
        code: 'unverified',
        reason: `Reactie niet op de melding gezet: de afzender is niet geverifieerd (${unverifiedReason})`,
        meldingId: link?.meldingId ?? null,
      };
    if (!link)
      return {
        kind: 'reply-to-queue',
        code: 'unlinked',
        reason: 'Reactie die bij geen enkele melding hoort',
        meldingId: null,
      };
    if (link.closed || link.anonymised)
      return {
        kind: 'reply-to-queue',
        code: 'closed',
        reason: link.anonymised
          ? 'Reactie op een melding waarvan de gegevens al zijn verwijderd'
          : 'Reactie op een afgeronde melding',
        meldingId: link.meldingId,
      };
    return { kind: 'reply', meldingId: link.meldingId, verified };
  }
  if (c?.kind === 'auto') {
    const bounce = c.reason === 'bounce';
    if (link && trusted && !link.anonymised)
      return { kind: 'auto-linked', meldingId: link.meldingId, bounce, verified };
    return {
      kind: 'auto',
      bounce,
      reason: bounce
        ? 'Onbestelbaarheidsbericht'
        : link && !trusted
          ? `Automatisch antwoord niet op de melding gezet: de afzender is niet geverifieerd (${unverifiedReason})`
          : 'Automatisch antwoord',
    };
  }
  return { kind: 'other', reason: null };
}
