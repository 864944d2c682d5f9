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
export async function recordResend(o: {
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
  return o.db.$transaction(async (tx) => {
    if (!(await lockPendingInbound(tx, o.inboundId))) return false;
    await queueOutgoing(tx, {
      ...o.signal,
      mailboxId: o.mailboxId,
      kind: 'ACCEPTATIESIGNAAL',
      meldingId: o.meldingId,
      inboundMessageId: o.inboundId,
    });
    await finishInbound(tx, o.inboundId, {
      state: 'PROCESSED',
      outcome: 'RESEND_ACCEPTED',
      kind: 'MELDING',
      targetFolder: o.targetFolder,
      meldingId: o.meldingId,
      authenticity: o.authenticity,
      readable: o.readable,
    });
    await audit(tx, {
      actor: SYSTEM_ACTOR('ingest'),
      action: 'melding.signaal_opnieuw',
      objectType: 'melding',
      objectId: o.meldingId,
    });
    return true;
  });
}
