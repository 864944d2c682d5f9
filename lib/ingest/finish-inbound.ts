import 'server-only';
import type { Prisma } from '../db/generated/client';
import type { TTx } from '../db/client';
import { announceChange } from '../live/changes';
import type { InboundOutcome, MessageKind, ProcessingState } from '../db/generated/enums';

export type TInboundOutcome = {
  state: ProcessingState;
  outcome: InboundOutcome;
  kind: MessageKind;
  targetFolder: string | null;
  meldingId?: string | null;
  error?: string | null;
  authenticity?: Prisma.InputJsonValue;
  /** The mail as staff read it, without attachment bodies (lib/mail/readable-mail.ts). */
  readable?: Prisma.InputJsonValue;
};

/**
 * Locks the ledger row and checks it still waits for processing. Two processors can never both
 * record an outcome for one message: the second finds it already done and records nothing.
 */
export async function lockPendingInbound(tx: TTx, inboundId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { state: ProcessingState }[]
  >`SELECT state FROM "InboundMessage" WHERE id = ${inboundId}::uuid FOR UPDATE`;
  return rows[0]?.state === 'STORED' || rows[0]?.state === 'FAILED';
}

export async function finishInbound(tx: TTx, inboundId: string, opts: TInboundOutcome): Promise<void> {
  await announceChange(tx, opts.meldingId);
  await tx.inboundMessage.update({
    where: { id: inboundId },
    data: {
      state: opts.state,
      outcome: opts.outcome,
      kind: opts.kind,
      retryAt: null,
      targetFolder: opts.targetFolder,
      meldingId: opts.meldingId ?? null,
      error: opts.error ?? null,
      authenticity: opts.authenticity,
      readable: opts.readable,
      processedAt: new Date(),
    },
  });
}
