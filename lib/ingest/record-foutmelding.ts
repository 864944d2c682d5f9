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
export async function recordFoutmelding(opts: {
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
  return opts.db.$transaction(async (tx) => {
    if (!(await lockPendingInbound(tx, opts.inboundId))) return false;
    await queueOutgoing(tx, {
      ...opts.signal,
      mailboxId: opts.mailboxId,
      kind: 'FOUTMELDING',
      inboundMessageId: opts.inboundId,
    });
    await finishInbound(tx, opts.inboundId, {
      state: 'PROCESSED',
      outcome: opts.outcome,
      kind: opts.forwarded ? 'DOORGESTUURD' : 'MELDING',
      targetFolder: opts.targetFolder,
      error: opts.reason,
      authenticity: opts.authenticity,
      readable: opts.readable,
    });
    await audit(tx, {
      actor: SYSTEM_ACTOR('ingest'),
      action: 'melding.foutmelding',
      objectType: 'message',
      objectId: opts.inboundId,
      outcome: 'FAILURE',
      details: { opnieuw: opts.outcome === 'RESEND_REFUSED' },
    });
    return true;
  });
}
