import 'server-only';
import type { TDb } from '../db/client';
import { getLoginBlock } from './get-login-block';

export type TLoginReservation =
  { ok: true; attemptId: bigint; at: Date } | { ok: false; reason: 'account_locked' | 'ip_locked' | 'busy' };

/**
 * Counts an attempt BEFORE its password or code is checked: under a transaction-scoped advisory
 * lock per e-mail address and per IP address, the locks are read and, when there is none, a
 * failed attempt is written at once. Attempts in parallel therefore queue here, and once the
 * limit's worth are written every later one is refused unchecked — checking first and recording
 * after let 200 parallel guesses be evaluated instead of 5. The caller turns the reservation into
 * a success (settleLoginAttempt) or leaves it a failure (recordLoginFailure audits the lock).
 * A second attempt for the same e-mail address while one is being reserved is refused at once
 * ('busy': no person types two passwords at the same moment), so a flood of parallel guesses
 * does not hold the connection pool; attempts from one IP address on different accounts queue.
 * Locks are taken e-mail first, IP second, so two attempts never wait on each other in a circle.
 */
export async function reserveLoginAttempt(opts: {
  db: TDb;
  email: string;
  ip: string | null;
}): Promise<TLoginReservation> {
  const { email, ip } = opts;
  return opts.db.$transaction(
    async (tx): Promise<TLoginReservation> => {
      const [lock] = await tx.$queryRaw<{ free: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${`login-email:${email}`}, 0)) AS free`;
      if (!lock?.free) return { ok: false, reason: 'busy' };
      if (ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`;
      const block = await getLoginBlock({ db: tx, email, ip });
      if (block.ip) return { ok: false, reason: 'ip_locked' };
      if (block.account) return { ok: false, reason: 'account_locked' };
      const attempt = await tx.loginAttempt.create({ data: { email, ip, success: false } });
      return { ok: true, attemptId: attempt.id, at: attempt.at };
    },
    // Attempts from one address queue on its lock: wait for a connection and the lock generously.
    { maxWait: 15_000, timeout: 15_000 },
  );
}
