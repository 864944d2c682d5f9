import 'server-only';
import type { TDb } from '../db/client';
import type { InboundOutcome, Mailbox, Prisma } from '../db/generated/client';
import type { TMeldformulier } from '../form/schema';
import { newMessageId } from '../mail/message-id';
import { buildAcceptatiesignaal, buildFoutmelding, type TOriginal } from '../mail/templates';
import type { TInboundOutcome } from './decide';
import { deferInbound } from './defer-inbound';
import { recordFoutmelding } from './record-foutmelding';
import { recordMelding, type TStoredAttachment } from './record-melding';
import { recordReply } from './record-reply';
import { recordResend } from './record-resend';
import { recordUnanswered } from './record-unanswered';
import { recordZelftestArrival } from '../zelftest/record-zelftest-arrival';

export type TRecordOutcome = {
  db: TDb;
  mailbox: Mailbox;
  inboundId: string;
  receivedAt: Date;
  outcome: TInboundOutcome;
  authenticity: object;
  /** The mail as staff read it (lib/mail/readable-mail.ts); null when it could not be read. */
  readable: Prisma.InputJsonValue | undefined;
  formulier: TMeldformulier | null;
  attachments: TStoredAttachment[];
  original: TOriginal;
  forwardedBy: string | null;
  /** Where the earlier delivery went, for a silent duplicate. */
  duplicateFolder: string | null;
  releasedBy: string | null;
  previousOutcome: InboundOutcome | null;
  /** Our mail that bounced, when a bounce names it: marked BOUNCED. */
  bouncedMessageId: string | null;
  retryAt: (delayFactor: number) => Date;
};

/** Records what the decision core chose: each outcome by its own verb, in one transaction each. */
export async function recordOutcome(opts: TRecordOutcome): Promise<void> {
  const { db, mailbox: mailbox, outcome } = opts;
  const base = { db, inboundId: opts.inboundId, authenticity: opts.authenticity, readable: opts.readable };
  const signalTo = { recipient: mailbox.signalRecipient, messageId: newMessageId(mailbox.fromAddress) };
  switch (outcome.kind) {
    case 'zelftest':
      await recordZelftestArrival({
        db,
        mailbox,
        inboundId: opts.inboundId,
        receivedAt: opts.receivedAt,
        original: opts.original,
        attachmentCount: opts.attachments.length,
      });
      return;
    case 'accept': {
      if (!opts.formulier) throw new Error('geaccepteerde melding zonder formulier');
      const signal = buildAcceptatiesignaal({ kenmerk: outcome.signalKenmerk, original: opts.original });
      await recordMelding({
        ...base,
        mailboxId: mailbox.id,
        receivedAt: opts.receivedAt,
        formulier: opts.formulier,
        warnings: outcome.warnings,
        attachments: opts.attachments,
        forwardedBy: opts.forwardedBy,
        authenticityVerified: outcome.verified,
        outcome: outcome.askAanvulling ? 'MELDING_ACCEPTED_WARNINGS' : 'MELDING_ACCEPTED',
        releasedBy: opts.releasedBy,
        kanaal: outcome.byHand && !outcome.signal ? 'EMAIL_BUITEN_PROTOCOL' : 'POLITIE_MAIL',
        byHand: outcome.byHand,
        targetFolder: mailbox.processedFolder,
        signal: outcome.signal ? { ...signal, ...signalTo } : null,
      });
      return;
    }
    case 'register-failed':
      await recordUnanswered({
        ...base,
        kind: 'OVERIG',
        state: opts.previousOutcome === 'QUARANTINED' ? 'QUARANTINED' : 'PROCESSED',
        outcome: opts.previousOutcome ?? 'OTHER',
        reason: outcome.reason,
        targetFolder: null,
        clearResolution: true,
      });
      return;
    case 'foutmelding':
    case 'resend-refused': {
      const signal = buildFoutmelding({
        kenmerk: outcome.kenmerk,
        reden: outcome.reason,
        original: opts.original,
      });
      await recordFoutmelding({
        ...base,
        mailboxId: mailbox.id,
        reason: outcome.reason,
        outcome: outcome.kind === 'foutmelding' ? 'FOUTMELDING_SENT' : 'RESEND_REFUSED',
        forwarded: outcome.kind === 'foutmelding' && outcome.forwarded,
        targetFolder: mailbox.errorFolder,
        signal: { ...signal, ...signalTo },
      });
      return;
    }
    case 'resend-accepted': {
      const signal = buildAcceptatiesignaal({ kenmerk: outcome.kenmerk, original: opts.original });
      await recordResend({
        ...base,
        mailboxId: mailbox.id,
        meldingId: outcome.meldingId,
        targetFolder: mailbox.processedFolder,
        signal: { ...signal, ...signalTo },
      });
      return;
    }
    case 'defer':
      await deferInbound({ ...base, reason: outcome.reason, retryAt: opts.retryAt(outcome.delayFactor) });
      return;
    case 'quarantine':
      await recordUnanswered({
        ...base,
        kind: outcome.isMelding ? (outcome.forwarded ? 'DOORGESTUURD' : 'MELDING') : 'OVERIG',
        state: 'QUARANTINED',
        outcome: 'QUARANTINED',
        reason: outcome.reason,
        targetFolder: mailbox.quarantineFolder,
      });
      return;
    case 'reply':
      await recordReply({
        ...base,
        meldingId: outcome.meldingId,
        attachments: opts.attachments,
        targetFolder: mailbox.processedFolder,
      });
      return;
    case 'reply-to-queue':
      await recordUnanswered({
        ...base,
        kind: 'REACTIE',
        state: 'PROCESSED',
        outcome:
          outcome.code === 'unverified'
            ? 'REPLY_UNVERIFIED'
            : outcome.code === 'closed'
              ? 'REPLY_CLOSED'
              : 'REPLY_UNLINKED',
        reason: outcome.reason,
        meldingId: outcome.meldingId,
        targetFolder: outcome.code === 'unverified' ? mailbox.quarantineFolder : mailbox.otherFolder,
      });
      return;
    case 'auto-linked':
    case 'auto':
      await recordUnanswered({
        ...base,
        kind: 'AUTOMATISCH',
        state: 'PROCESSED',
        outcome: outcome.bounce
          ? 'BOUNCE'
          : outcome.kind === 'auto-linked'
            ? 'AUTO_REPLY_LINKED'
            : 'AUTO_REPLY',
        reason: outcome.kind === 'auto' ? outcome.reason : null,
        meldingId: outcome.kind === 'auto-linked' ? outcome.meldingId : null,
        bouncedMessageId: opts.bouncedMessageId,
        targetFolder: mailbox.otherFolder,
      });
      return;
    case 'duplicate':
      await recordUnanswered({
        ...base,
        kind: 'OVERIG',
        state: 'IGNORED',
        outcome: 'DUPLICATE',
        reason: 'Dubbel ontvangen: zelfde bericht als een eerder verwerkt bericht',
        targetFolder: opts.duplicateFolder,
      });
      return;
    case 'unreadable':
    case 'other':
      await recordUnanswered({
        ...base,
        kind: 'OVERIG',
        state: 'IGNORED',
        outcome: outcome.kind === 'unreadable' ? 'UNREADABLE' : 'OTHER',
        reason: outcome.reason,
        targetFolder: mailbox.otherMailAction === 'MOVE' ? mailbox.otherFolder : null,
      });
      return;
  }
}
