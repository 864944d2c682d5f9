import 'server-only';
import type { TDb } from '../db/client';
import { zelftestSteps, type TZelftestStep } from './zelftest-steps';

export type TKetenZelftest = {
  id: string;
  startedAt: Date;
  signalTo: string | null;
  signal: { subject: string; body: string } | null;
  steps: TZelftestStep[];
  finished: boolean;
};

/** The latest keten-zelftest of a mailbox with its steps at `now` (injectable); null when none ran. */
export async function getKetenZelftest(opts: {
  db: TDb;
  mailboxId: string;
  now?: Date;
  timeoutMs?: number;
}): Promise<TKetenZelftest | null> {
  const row = await opts.db.ketenZelftest.findFirst({
    where: { mailboxId: opts.mailboxId },
    orderBy: { startedAt: 'desc' },
  });
  if (!row) return null;
  const outgoing = row.outgoingMailId
    ? await opts.db.outgoingMail.findUnique({
        where: { id: row.outgoingMailId },
        select: { state: true, lastError: true },
      })
    : null;
  const steps = zelftestSteps({ row, outgoing, now: opts.now ?? new Date(), timeoutMs: opts.timeoutMs });
  return {
    id: row.id,
    startedAt: row.startedAt,
    signalTo: row.signalTo,
    signal: row.signalSubject ? { subject: row.signalSubject, body: row.signalBody ?? '' } : null,
    steps,
    finished: steps.every((s) => s.status === 'ok') || steps.some((s) => s.status === 'fout'),
  };
}
