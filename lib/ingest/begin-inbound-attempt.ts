import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';

/** The reason a message parked for crashing the worker shows in the work queue. */
export const CRASH_PARK_REASON = 'verwerking brak het proces af';

/**
 * Records, in its own short transaction and before any processing, that an attempt on a stored
 * message begins. A message whose previous attempt also began but never ended (still waiting,
 * attempt mark still set) took the process down with it: if that attempt ran alone, the crash is
 * counted against it — a kill that merely landed while several messages were in flight blames
 * none of them (they are retried alone first, see workers/mailbox/session.ts). At `maxCrashes`
 * the message is parked with CRASH_PARK_REASON instead of being processed once more.
 */
export async function beginInboundAttempt(opts: {
  db: TDb;
  inboundId: string;
  alone: boolean;
  maxCrashes: number;
  errorFolder: string;
}): Promise<'process' | 'parked' | 'done'> {
  return opts.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ crashes: number }[]>`
      UPDATE "InboundMessage"
      SET crashes = crashes + CASE WHEN "attemptStartedAt" IS NOT NULL AND "attemptAlone" THEN 1 ELSE 0 END,
          "attemptStartedAt" = now(),
          "attemptAlone" = ${opts.alone}
      WHERE id = ${opts.inboundId}::uuid AND state IN ('STORED', 'FAILED')
      RETURNING crashes`;
    // Finished meanwhile (another holder, a retry that already ran): nothing to do.
    if (!row) return 'done';
    if (row.crashes < opts.maxCrashes) return 'process';
    await tx.inboundMessage.update({
      where: { id: opts.inboundId },
      data: {
        state: 'PARKED',
        error: CRASH_PARK_REASON,
        targetFolder: opts.errorFolder,
        processedAt: new Date(),
        attemptStartedAt: null,
      },
    });
    await audit(tx, {
      actor: SYSTEM_ACTOR('ingest'),
      action: 'bericht.geparkeerd',
      objectType: 'message',
      objectId: opts.inboundId,
      outcome: 'FAILURE',
      details: { crashes: row.crashes },
    });
    return 'parked';
  });
}
