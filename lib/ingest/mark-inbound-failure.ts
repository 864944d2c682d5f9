import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';

/**
 * An unexpected failure while processing a stored message (not a bad form: those get a
 * foutmelding). Retried on the next pass; after `maxAttempts` the message is parked in the error
 * folder for a beheerder, so one poison message never blocks the mailbox.
 */
export async function markInboundFailure(o: {
  db: TDb;
  inboundId: string;
  error: string;
  maxAttempts: number;
  errorFolder: string;
}): Promise<'retry' | 'parked'> {
  const row = await o.db.inboundMessage.update({
    where: { id: o.inboundId },
    // The attempt ended (in an error, not a crash): clear its mark, see begin-inbound-attempt.ts.
    data: {
      attempts: { increment: 1 },
      error: o.error.slice(0, 2000),
      state: 'FAILED',
      attemptStartedAt: null,
    },
  });
  if (row.attempts < o.maxAttempts) return 'retry';
  await o.db.inboundMessage.update({
    where: { id: o.inboundId },
    data: { state: 'PARKED', targetFolder: o.errorFolder, processedAt: new Date() },
  });
  await audit(o.db, {
    actor: SYSTEM_ACTOR('ingest'),
    action: 'bericht.geparkeerd',
    objectType: 'message',
    objectId: o.inboundId,
    outcome: 'FAILURE',
    details: { attempts: row.attempts },
  });
  return 'parked';
}
