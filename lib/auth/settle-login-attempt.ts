import 'server-only';
import type { TDb, TTx } from '../db/client';

/**
 * A reserved attempt that passed: the password step marks it a success (which ends the count of
 * failures for the account); a second factor or password change that passed removes it, as it
 * was no failure and the sign-in's success is already recorded.
 */
export async function settleLoginAttempt(opts: {
  db: TDb | TTx;
  attemptId: bigint;
  as: 'success' | 'not-a-failure';
}): Promise<void> {
  if (opts.as === 'success')
    await opts.db.loginAttempt.update({ where: { id: opts.attemptId }, data: { success: true } });
  else await opts.db.loginAttempt.delete({ where: { id: opts.attemptId } });
}
