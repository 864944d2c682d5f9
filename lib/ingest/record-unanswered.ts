import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { InboundOutcome, MessageKind, ProcessingState } from '../db/generated/enums';
import { finishInbound, lockPendingInbound } from './finish-inbound';

/**
 * Mail that gets no answer at all: auto-replies and bounces (a bounce of our own mail is marked on
 * it), other mail, and quarantined meldingen whose sender failed the authenticity check.
 */
export async function recordUnanswered(opts: {
  db: TDb;
  inboundId: string;
  kind: MessageKind;
  state: Extract<ProcessingState, 'PROCESSED' | 'QUARANTINED' | 'IGNORED'>;
  outcome: InboundOutcome;
  /** The melding it refers to, for the work queue; never onto its timeline unless REPLY_LINKED/AUTO_REPLY_LINKED. */
  meldingId?: string | null;
  reason: string | null;
  bouncedMessageId?: string | null;
  authenticity: Prisma.InputJsonValue;
  /** The mail as staff read it (lib/mail/readable-mail.ts), kept on the ledger row. */
  readable?: Prisma.InputJsonValue;
  targetFolder: string | null;
  /** A person's request (registration) could not be carried out: the item is open again. */
  clearResolution?: boolean;
}): Promise<boolean> {
  return opts.db.$transaction(async (tx) => {
    if (!(await lockPendingInbound(tx, opts.inboundId))) return false;
    if (opts.bouncedMessageId) {
      await tx.outgoingMail.updateMany({
        where: { messageId: opts.bouncedMessageId },
        data: { state: 'BOUNCED', lastError: 'Onbestelbaar gemeld door de ontvangende server' },
      });
    }
    await finishInbound(tx, opts.inboundId, {
      state: opts.state,
      outcome: opts.outcome,
      kind: opts.kind,
      meldingId: opts.meldingId ?? null,
      targetFolder: opts.targetFolder,
      error: opts.reason,
      authenticity: opts.authenticity,
      readable: opts.readable,
    });
    if (opts.clearResolution)
      await tx.inboundMessage.update({
        where: { id: opts.inboundId },
        data: { resolution: null, resolvedBy: null, resolvedAt: null },
      });
    if (opts.state === 'QUARANTINED' && !opts.clearResolution) {
      await audit(tx, {
        actor: SYSTEM_ACTOR('ingest'),
        action: 'bericht.quarantaine',
        objectType: 'message',
        objectId: opts.inboundId,
        outcome: 'DENIED',
      });
    }
    return true;
  });
}
