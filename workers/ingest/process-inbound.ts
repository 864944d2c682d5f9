/**
 * Decides what one stored message is and records the outcome in one transaction:
 * a melding (acceptatiesignaal), an unprocessable melding (foutmelding with the reason), a reply
 * onto its melding, an auto-reply or bounce, other mail, or quarantine when the sender is not
 * authentic under an enforcing policy. Signals go only to the mailbox's signal recipient and
 * only for meldingen: no backscatter.
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
import { newMessageId } from '../../lib/mail/message-id';
import { parseMime } from '../../lib/mail/parse-mime';
import { parseMeldingSubject } from '../../lib/mail/subject';
import { selectFormAttachment } from '../../lib/mail/select-form-attachment';
import { buildAcceptatiesignaal, buildFoutmelding } from '../../lib/mail/templates';
import { recordFoutmelding } from '../../lib/ingest/record-foutmelding';
import { recordMelding, type TStoredAttachment } from '../../lib/ingest/record-melding';
import { recordReply } from '../../lib/ingest/record-reply';
import { recordUnanswered } from '../../lib/ingest/record-unanswered';

export type TProcessInput = {
  db: TDb;
  mailbox: Mailbox;
  inboundId: string;
  raw: Buffer;
  receivedAt: Date;
  resolver?: DNSResolver;
};

const MAX_ATTACHMENTS = 50;

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

/** Unreadable mail: a foutmelding if its subject says it is a melding (and the sender may get one), else just recorded. */
async function recordUnreadable(
  o: TProcessInput,
  reason: string,
  verified: boolean,
  authenticity: object,
): Promise<void> {
  const { db, mailbox: mb } = o;
  const stored = await db.inboundMessage.findUniqueOrThrow({
    where: { id: o.inboundId },
    select: { subject: true, messageId: true },
  });
  const subject = parseMeldingSubject(stored.subject);
  if (subject && (verified || mb.authenticityPolicy === 'MONITOR')) {
    const signal = buildFoutmelding({
      kenmerk: subject.kenmerk,
      reden: reason,
      original: { messageId: stored.messageId, subject: stored.subject },
    });
    await recordFoutmelding({
      db,
      inboundId: o.inboundId,
      mailboxId: mb.id,
      reason,
      forwarded: subject.forwarded,
      authenticity,
      targetFolder: mb.errorFolder,
      signal: { ...signal, recipient: mb.signalRecipient, messageId: newMessageId(mb.fromAddress) },
    });
    return;
  }
  await recordUnanswered({
    db,
    inboundId: o.inboundId,
    kind: subject ? 'MELDING' : 'OVERIG',
    state: subject ? 'QUARANTINED' : 'IGNORED',
    reason,
    authenticity,
    targetFolder: subject ? mb.quarantineFolder : mb.errorFolder,
  });
}

async function ourMessageIds(db: TDb, mail: ParsedMail): Promise<Set<string>> {
  const refs = [
    mail.inReplyTo,
    ...(Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : []),
  ].filter((r): r is string => !!r);
  if (!refs.length) return new Set();
  const rows = await db.outgoingMail.findMany({
    where: { messageId: { in: refs.slice(0, 100) } },
    select: { messageId: true },
  });
  return new Set(rows.map((r) => r.messageId));
}

/**
 * Everything about one message that needs no write: authenticity, MIME structure, what kind of
 * mail it is, and for a melding the parsed form. Kept apart from recording so the mailbox session
 * can work out the next messages (mailparser here, the form in the parse worker) while earlier
 * ones are being committed (workers/mailbox/session.ts decides what may be recorded side by side).
 */
export type TAnalysis = {
  auth: TAuthenticity;
  authenticity: object;
  verified: boolean;
  /** Set when the MIME structure could not be read at all. */
  unreadable: string | null;
  mail: ParsedMail | null;
  classification: TClassification | null;
  /** The form attachment and its parse, for a melding that may be processed. */
  form: { selected: ReturnType<typeof selectFormAttachment>; parsed: TParseResult | null } | null;
};

export async function analyseInbound(o: TProcessInput): Promise<TAnalysis> {
  const { db, mailbox: mb } = o;
  const auth = await checkAuthenticity(o.raw, {
    trustedDomains: mb.trustedDomains,
    authservId: mb.authservId ?? undefined,
    mta: hostname(),
    resolver: o.resolver,
  });
  const base = {
    auth,
    authenticity: JSON.parse(JSON.stringify(auth)) as object,
    verified: auth.verdict === 'pass',
  };
  let mail: ParsedMail;
  try {
    // mailparser's own limits (number of parts, nesting) protect us from hostile structure.
    mail = await parseMime(o.raw, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 2_000_000,
    });
  } catch (err) {
    // The same bytes fail the same way every time: not a retry case, but an unreadable message.
    return {
      ...base,
      unreadable: `Het bericht kon niet worden gelezen (${err instanceof Error ? err.message : String(err)})`,
      mail: null,
      classification: null,
      form: null,
    };
  }
  const classification = classifyMail(mail, await ourMessageIds(db, mail));
  let form: TAnalysis['form'] = null;
  if (classification.kind === 'melding' && (base.verified || mb.authenticityPolicy !== 'ENFORCE')) {
    const selected = selectFormAttachment(mail.attachments);
    const timer = getMetrics().parseDuration.startTimer();
    const parsed = selected.ok
      ? await parseMeldformulier(selected.attachment.content, {
          filename: selected.attachment.filename ?? 'bijlage',
          contentType: selected.attachment.contentType,
          trustedDomains: mb.trustedDomains,
        })
      : null;
    if (parsed) timer({ outcome: parsed.ok ? 'ok' : 'fout' });
    form = { selected, parsed };
  }
  return { ...base, unreadable: null, mail, classification, form };
}

/** Records the outcome of an analysed message: one transaction, and the signal it calls for. */
export async function recordInbound(o: TProcessInput, a: TAnalysis): Promise<void> {
  const { db, mailbox: mb } = o;
  const { auth, authenticity, verified, mail, classification } = a;
  if (a.unreadable !== null || !mail || !classification)
    return recordUnreadable(o, a.unreadable ?? 'Het bericht kon niet worden gelezen', verified, authenticity);
  const original = { messageId: mail.messageId ?? null, subject: mail.subject ?? null };

  switch (classification.kind) {
    case 'melding': {
      if (!a.form) {
        await recordUnanswered({
          db,
          inboundId: o.inboundId,
          kind: classification.forwarded ? 'DOORGESTUURD' : 'MELDING',
          state: 'QUARANTINED',
          reason: auth.reason ?? 'Afzender niet geverifieerd',
          authenticity,
          targetFolder: mb.quarantineFolder,
        });
        return;
      }
      const fail = async (reason: string) => {
        const signal = buildFoutmelding({ kenmerk: classification.kenmerk, reden: reason, original });
        await recordFoutmelding({
          db,
          inboundId: o.inboundId,
          mailboxId: mb.id,
          reason,
          forwarded: classification.forwarded,
          authenticity,
          targetFolder: mb.errorFolder,
          signal: { ...signal, recipient: mb.signalRecipient, messageId: newMessageId(mb.fromAddress) },
        });
      };
      const { selected, parsed } = a.form;
      if (!selected.ok) return fail(selected.reason);
      if (!parsed?.ok || !parsed.formulier)
        return fail(
          parsed?.errors.map((e) => e.message).join('; ') || 'Het meldformulier kon niet worden gelezen',
        );
      if (
        classification.kenmerk &&
        parsed.formulier.kenmerk.toUpperCase() !== classification.kenmerk.toUpperCase()
      ) {
        return fail(
          `Het kenmerk in het onderwerp (${classification.kenmerk}) verschilt van het kenmerk in het meldformulier (${parsed.formulier.kenmerk})`,
        );
      }
      const signal = buildAcceptatiesignaal({ kenmerk: parsed.formulier.kenmerk, original });
      await recordMelding({
        db,
        inboundId: o.inboundId,
        mailboxId: mb.id,
        receivedAt: o.receivedAt,
        formulier: parsed.formulier,
        warnings: parsed.warnings,
        attachments: storedAttachments(mail, selected.attachment.filename ?? null),
        forwardedBy: classification.forwarded ? (mail.from?.value[0]?.address ?? 'onbekend') : null,
        authenticityVerified: verified,
        authenticity,
        targetFolder: mb.processedFolder,
        signal: { ...signal, recipient: mb.signalRecipient, messageId: newMessageId(mb.fromAddress) },
      });
      return;
    }
    case 'reply': {
      const melding = classification.inReplyTo
        ? (
            await db.outgoingMail.findUnique({
              where: { messageId: classification.inReplyTo },
              select: { meldingId: true },
            })
          )?.meldingId
        : classification.kenmerk
          ? (
              await db.melding.findUnique({
                where: { mailboxId_kenmerk: { mailboxId: mb.id, kenmerk: classification.kenmerk } },
                select: { id: true },
              })
            )?.id
          : null;
      if (melding) {
        await recordReply({
          db,
          inboundId: o.inboundId,
          meldingId: melding,
          attachments: storedAttachments(mail, null),
          authenticity,
          targetFolder: mb.processedFolder,
        });
        return;
      }
      break;
    }
    case 'auto':
      await recordUnanswered({
        db,
        inboundId: o.inboundId,
        kind: 'AUTOMATISCH',
        state: 'PROCESSED',
        reason: null,
        bouncedMessageId: classification.bouncedMessageId ?? null,
        authenticity,
        targetFolder: mb.otherFolder,
      });
      return;
    case 'other':
      break;
  }
  await recordUnanswered({
    db,
    inboundId: o.inboundId,
    kind: 'OVERIG',
    state: 'IGNORED',
    reason: null,
    authenticity,
    targetFolder: mb.otherMailAction === 'MOVE' ? mb.otherFolder : null,
  });
}
