import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';

/**
 * An unexpected failure while processing a stored message (not a bad form: those get a
 * foutmelding). Retried on the next pass; after `maxAttempts` the message is parked in the error
 * folder for a beheerder, so one poison message never blocks the mailbox.
 */
export async function markInboundFailure(opts: {
  db: TDb;
  inboundId: string;
  error: string;
  maxAttempts: number;
  errorFolder: string;
}): Promise<'retry' | 'parked'> {
  const row = await opts.db.inboundMessage.update({
    where: { id: opts.inboundId },
    // The attempt ended (in an error, not a crash): clear its mark, see begin-inbound-attempt.ts.
    data: {
      attempts: { increment: 1 },
      error: opts.error.slice(0, 2000),
      state: 'FAILED',
      attemptStartedAt: null,
    },
  });
  if (row.attempts < opts.maxAttempts) return 'retry';
  await opts.db.inboundMessage.update({
    where: { id: opts.inboundId },
    data: { state: 'PARKED', targetFolder: opts.errorFolder, processedAt: new Date() },
  });
  await audit(opts.db, {
    actor: SYSTEM_ACTOR('ingest'),
    action: 'bericht.geparkeerd',
    objectType: 'message',
    objectId: opts.inboundId,
    outcome: 'FAILURE',
    details: { attempts: row.attempts },
  });
  return 'parked';
}
