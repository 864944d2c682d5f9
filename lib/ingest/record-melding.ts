import 'server-only';
import { audit, personKey, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';
import type { MeldingKanaal, Prisma } from '../db/generated/client';
import type { TFinding, TMeldformulier } from '../form/schema';
import { putAttachmentBytes, type TStoredAttachment } from './save-attachments';
import { writeMelding } from './write-melding';
import { finishInbound, lockPendingInbound } from './finish-inbound';
import { queueOutgoing, type TOutgoingDraft } from '../outbox/queue-outgoing';

export type { TStoredAttachment } from './save-attachments';

export type TRecordMelding = {
  db: TDb;
  inboundId: string;
  mailboxId: string;
  receivedAt: Date;
  formulier: TMeldformulier;
  warnings: TFinding[];
  attachments: TStoredAttachment[];
  forwardedBy: string | null;
  authenticityVerified: boolean;
  authenticity: Prisma.InputJsonValue;
  /** The mail as staff read it (lib/mail/readable-mail.ts), kept on the ledger row. */
  readable?: Prisma.InputJsonValue;
  /** Accepted as is, or with content problems the officer is asked to complete. */
  outcome: 'MELDING_ACCEPTED' | 'MELDING_ACCEPTED_WARNINGS';
  /** Name of the person who released it from quarantine, if one did. */
  releasedBy?: string | null;
  targetFolder: string;
  kanaal?: MeldingKanaal;
  /** Registered at a person's request from the work queue (they are named in releasedBy). */
  byHand?: boolean;
  /** The acceptatiesignaal; null when the mail was not a protocol melding. */
  signal: Omit<TOutgoingDraft, 'meldingId' | 'inboundMessageId' | 'mailboxId' | 'kind'> | null;
};

/**
 * One transaction for a processable melding: the melding (or, for a kenmerk this mailbox already
 * has, its new version), the form version, attachments, status, audit, the acceptatiesignaal in
 * the outbox, and the ledger row marked processed. Returns null if the message was already done.
 */
export async function recordMelding(
  opts: TRecordMelding,
): Promise<{ meldingId: string; version: number } | null> {
  // Timeout above Prisma's default 5 s: a 20 MB attachment written under load can take longer.
  const attachments = await putAttachmentBytes(opts.db, opts.attachments);
  return opts.db.$transaction(
    async (tx) => {
      if (!(await lockPendingInbound(tx, opts.inboundId))) return null;
      const { melding, existing, reopened } = await writeMelding(tx, {
        ...opts,
        attachments,
        kanaal: opts.kanaal ?? 'POLITIE_MAIL',
        registeredBy: opts.byHand ? (opts.releasedBy ?? null) : null,
      });
      if (opts.signal)
        await queueOutgoing(tx, {
          ...opts.signal,
          mailboxId: opts.mailboxId,
          kind: 'ACCEPTATIESIGNAAL',
          meldingId: melding.id,
          inboundMessageId: opts.inboundId,
        });
      await finishInbound(tx, opts.inboundId, {
        state: 'PROCESSED',
        outcome: opts.outcome,
        kind: opts.forwardedBy ? 'DOORGESTUURD' : 'MELDING',
        targetFolder: opts.targetFolder,
        meldingId: melding.id,
        authenticity: opts.authenticity,
        readable: opts.readable,
      });
      await audit(tx, {
        actor: SYSTEM_ACTOR('ingest'),
        action: existing ? 'melding.opnieuw_ontvangen' : 'melding.ontvangen',
        objectType: 'melding',
        objectId: melding.id,
        personKey: personKey(opts.formulier.betrokkene),
        details: {
          version: melding.version,
          warnings: opts.warnings.length,
          doorgestuurd: opts.forwardedBy !== null,
          vrijgegeven: !!opts.releasedBy,
          heropend: reopened,
        },
      });
      return { meldingId: melding.id, version: melding.version };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
