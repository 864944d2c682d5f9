import 'server-only';
import { audit, personKey, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { TFinding, TMeldformulier } from '../form/schema';
import { saveAttachments, withStagedAttachments } from './save-attachments';
import { finishInbound, lockPendingInbound } from './finish-inbound';
import { queueOutgoing, type TOutgoingDraft } from '../outbox/queue-outgoing';
import { hasEarlierMelding } from '../melding/has-earlier-melding';
import { isBuitenWerkgebied } from '../werkgebied/is-buiten-werkgebied';
import { toMeldingColumns } from '../melding/to-melding-columns';

export type TStoredAttachment = {
  filename: string;
  contentType: string;
  declaredType: string | null;
  size: number;
  sha256: string;
  content: Uint8Array;
  isForm: boolean;
};

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
  /** Accepted as is, or with content problems the officer is asked to complete. */
  outcome: 'MELDING_ACCEPTED' | 'MELDING_ACCEPTED_WARNINGS';
  /** Name of the person who released it from quarantine, if one did. */
  releasedBy?: string | null;
  targetFolder: string;
  signal: Omit<TOutgoingDraft, 'meldingId' | 'inboundMessageId' | 'mailboxId' | 'kind'>;
};

/**
 * One transaction for a processable melding: the melding (or, for a kenmerk this mailbox already
 * has, its new version), the form version, attachments, status, audit, the acceptatiesignaal in
 * the outbox, and the ledger row marked processed. Returns null if the message was already done.
 */
export async function recordMelding(
  o: TRecordMelding,
): Promise<{ meldingId: string; version: number } | null> {
  // Timeout above Prisma's default 5 s: a 20 MB attachment written under load can take longer.
  return withStagedAttachments(o.db, o.attachments, (staged) =>
    o.db.$transaction(
      async (tx) => {
        if (!(await lockPendingInbound(tx, o.inboundId))) return null;
        const columns = toMeldingColumns(o.formulier);
        const flags = {
          ...columns,
          formulier: o.formulier,
          warnings: o.warnings,
          hasWarnings: o.warnings.length > 0,
          authenticityVerified: o.authenticityVerified,
          doorgestuurd: o.forwardedBy !== null,
          doorgestuurdDoor: o.forwardedBy,
          buitenWerkgebied: await isBuitenWerkgebied({
            db: tx,
            gemeente: columns.gemeente,
            pc4: columns.pc4,
          }),
        };
        // Serialise arrivals of the same kenmerk, so two versions never get the same number.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${o.mailboxId}:${o.formulier.kenmerk}`}))`;
        const herhaling = await hasEarlierMelding(tx, { ...columns, before: o.receivedAt });
        const existing = await tx.melding.findUnique({
          where: { mailboxId_kenmerk: { mailboxId: o.mailboxId, kenmerk: o.formulier.kenmerk } },
          select: { id: true, version: true },
        });
        const melding = existing
          ? await tx.melding.update({
              where: { id: existing.id },
              data: { ...flags, herhaling, version: existing.version + 1, opnieuwOntvangen: true },
            })
          : await tx.melding.create({
              data: {
                ...flags,
                herhaling,
                mailboxId: o.mailboxId,
                receivedAt: o.receivedAt,
                statusChanges: { create: { from: null, to: 'ONTVANGEN' } },
              },
            });
        await tx.meldingVersie.create({
          data: {
            meldingId: melding.id,
            version: melding.version,
            formulier: o.formulier,
            warnings: o.warnings,
            inboundMessageId: o.inboundId,
            receivedAt: o.receivedAt,
          },
        });
        await saveAttachments({
          tx,
          attachments: o.attachments,
          staged,
          meldingId: melding.id,
          inboundId: o.inboundId,
        });
        await queueOutgoing(tx, {
          ...o.signal,
          mailboxId: o.mailboxId,
          kind: 'ACCEPTATIESIGNAAL',
          meldingId: melding.id,
          inboundMessageId: o.inboundId,
        });
        await finishInbound(tx, o.inboundId, {
          state: 'PROCESSED',
          outcome: o.outcome,
          kind: o.forwardedBy ? 'DOORGESTUURD' : 'MELDING',
          targetFolder: o.targetFolder,
          meldingId: melding.id,
          authenticity: o.authenticity,
        });
        await audit(tx, {
          actor: SYSTEM_ACTOR('ingest'),
          action: existing ? 'melding.opnieuw_ontvangen' : 'melding.ontvangen',
          objectType: 'melding',
          objectId: melding.id,
          personKey: personKey(o.formulier.betrokkene),
          details: {
            version: melding.version,
            warnings: o.warnings.length,
            doorgestuurd: o.forwardedBy !== null,
            vrijgegeven: !!o.releasedBy,
          },
        });
        return { meldingId: melding.id, version: melding.version };
      },
      { timeout: 60_000, maxWait: 10_000 },
    ),
  );
}
