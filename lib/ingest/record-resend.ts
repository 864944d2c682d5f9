import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { finishInbound, lockPendingInbound } from './finish-inbound';
import { queueOutgoing, type TOutgoingDraft } from '../outbox/queue-outgoing';

/**
 * An exact resend of a melding we accepted before: the police resend when they did not see our
 * acceptatiesignaal (afspraak 11), so it goes out again. The melding itself does not change; its
 * timeline shows "opnieuw ontvangen, signaal opnieuw verstuurd" (this ledger row).
 */
export async function recordResend(opts: {
  db: TDb;
  inboundId: string;
  mailboxId: string;
  meldingId: string;
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
      kind: 'ACCEPTATIESIGNAAL',
      meldingId: opts.meldingId,
      inboundMessageId: opts.inboundId,
    });
    await finishInbound(tx, opts.inboundId, {
      state: 'PROCESSED',
      outcome: 'RESEND_ACCEPTED',
      kind: 'MELDING',
      targetFolder: opts.targetFolder,
      meldingId: opts.meldingId,
      authenticity: opts.authenticity,
      readable: opts.readable,
    });
    await audit(tx, {
      actor: SYSTEM_ACTOR('ingest'),
      action: 'melding.signaal_opnieuw',
      objectType: 'melding',
      objectId: opts.meldingId,
    });
    return true;
  });
}
