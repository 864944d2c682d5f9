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
export async function recordUnanswered(o: {
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
  return o.db.$transaction(async (tx) => {
    if (!(await lockPendingInbound(tx, o.inboundId))) return false;
    if (o.bouncedMessageId) {
      await tx.outgoingMail.updateMany({
        where: { messageId: o.bouncedMessageId },
        data: { state: 'BOUNCED', lastError: 'Onbestelbaar gemeld door de ontvangende server' },
      });
    }
    await finishInbound(tx, o.inboundId, {
      state: o.state,
      outcome: o.outcome,
      kind: o.kind,
      meldingId: o.meldingId ?? null,
      targetFolder: o.targetFolder,
      error: o.reason,
      authenticity: o.authenticity,
      readable: o.readable,
    });
    if (o.clearResolution)
      await tx.inboundMessage.update({
        where: { id: o.inboundId },
        data: { resolution: null, resolvedBy: null, resolvedAt: null },
      });
    if (o.state === 'QUARANTINED' && !o.clearResolution) {
      await audit(tx, {
        actor: SYSTEM_ACTOR('ingest'),
        action: 'bericht.quarantaine',
        objectType: 'message',
        objectId: o.inboundId,
        outcome: 'DENIED',
      });
    }
    return true;
  });
}
