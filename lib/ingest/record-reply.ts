import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { putAttachmentBytes, saveAttachments } from './save-attachments';
import { finishInbound, lockPendingInbound } from './finish-inbound';
import type { TStoredAttachment } from './record-melding';

/**
 * A reply from the officer to our aanvulling/niet-in-behandeling mail: onto the melding's
 * timeline; a melding waiting for that aanvulling is back in behandeling (protocol bericht 1).
 * The decision core sends only authentic replies to open meldingen here; the melding is checked
 * again under its row lock, so one closed or anonymised meanwhile takes nothing: the reply then
 * waits in the work queue. Returns what happened.
 */
export async function recordReply(opts: {
  db: TDb;
  inboundId: string;
  meldingId: string;
  attachments: TStoredAttachment[];
  authenticity: Prisma.InputJsonValue;
  /** The mail as staff read it (lib/mail/readable-mail.ts), kept on the ledger row. */
  readable?: Prisma.InputJsonValue;
  targetFolder: string;
}): Promise<'linked' | 'closed' | 'done-before'> {
  const attachments = await putAttachmentBytes(opts.db, opts.attachments);
  return opts.db.$transaction(async (tx) => {
    if (!(await lockPendingInbound(tx, opts.inboundId))) return 'done-before';
    const [melding] = await tx.$queryRaw<
      { status: string; anonymisedAt: Date | null }[]
    >`SELECT status, "anonymisedAt" FROM "Melding" WHERE id = ${opts.meldingId}::uuid FOR UPDATE`;
    if (!melding || melding.status === 'AFGEROND' || melding.anonymisedAt) {
      await finishInbound(tx, opts.inboundId, {
        state: 'PROCESSED',
        outcome: 'REPLY_CLOSED',
        kind: 'REACTIE',
        targetFolder: opts.targetFolder,
        meldingId: melding && !melding.anonymisedAt ? opts.meldingId : null,
        error: 'Reactie op een afgeronde melding',
        authenticity: opts.authenticity,
        readable: opts.readable,
      });
      return 'closed';
    }
    await saveAttachments({
      tx,
      attachments,
      meldingId: opts.meldingId,
      inboundId: opts.inboundId,
    });
    await tx.melding.update({ where: { id: opts.meldingId }, data: { reactieOntvangen: true } });
    const resumed = await tx.melding.updateMany({
      where: { id: opts.meldingId, status: 'AANVULLING_GEVRAAGD' },
      data: { status: 'IN_BEHANDELING' },
    });
    if (resumed.count === 1) {
      await tx.statusChange.create({
        data: {
          meldingId: opts.meldingId,
          from: 'AANVULLING_GEVRAAGD',
          to: 'IN_BEHANDELING',
          reason: 'Reactie van de politie ontvangen',
        },
      });
    }
    await finishInbound(tx, opts.inboundId, {
      state: 'PROCESSED',
      outcome: 'REPLY_LINKED',
      kind: 'REACTIE',
      targetFolder: opts.targetFolder,
      meldingId: opts.meldingId,
      authenticity: opts.authenticity,
      readable: opts.readable,
    });
    await audit(tx, {
      actor: SYSTEM_ACTOR('ingest'),
      action: 'melding.reactie_ontvangen',
      objectType: 'melding',
      objectId: opts.meldingId,
    });
    return 'linked';
  });
}
