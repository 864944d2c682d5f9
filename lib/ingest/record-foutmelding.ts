import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { InboundOutcome } from '../db/generated/enums';
import { finishInbound, lockPendingInbound } from './finish-inbound';
import { queueOutgoing, type TOutgoingDraft } from '../outbox/queue-outgoing';

/**
 * A recognised melding that cannot be processed: the message stays in the ledger (raw, nothing
 * lost) with the reason, goes to the error folder, and the foutmelding is queued in the same
 * transaction.
 */
export async function recordFoutmelding(o: {
  db: TDb;
  inboundId: string;
  mailboxId: string;
  reason: string;
  outcome: Extract<InboundOutcome, 'FOUTMELDING_SENT' | 'RESEND_REFUSED'>;
  forwarded: boolean;
  authenticity: Prisma.InputJsonValue;
  /** The mail as staff read it (lib/mail/readable-mail.ts), kept on the ledger row. */
  readable?: Prisma.InputJsonValue;
  targetFolder: string;
  signal: Omit<TOutgoingDraft, 'meldingId' | 'inboundMessageId' | 'mailboxId' | 'kind'>;
}): Promise<boolean> {
  return o.db.$transaction(async (tx) => {
    if (!(await lockPendingInbound(tx, o.inboundId))) return false;
    await queueOutgoing(tx, {
      ...o.signal,
      mailboxId: o.mailboxId,
      kind: 'FOUTMELDING',
      inboundMessageId: o.inboundId,
    });
    await finishInbound(tx, o.inboundId, {
      state: 'PROCESSED',
      outcome: o.outcome,
      kind: o.forwarded ? 'DOORGESTUURD' : 'MELDING',
      targetFolder: o.targetFolder,
      error: o.reason,
      authenticity: o.authenticity,
      readable: o.readable,
    });
    await audit(tx, {
      actor: SYSTEM_ACTOR('ingest'),
      action: 'melding.foutmelding',
      objectType: 'message',
      objectId: o.inboundId,
      outcome: 'FAILURE',
      details: { opnieuw: o.outcome === 'RESEND_REFUSED' },
    });
    return true;
  });
}
