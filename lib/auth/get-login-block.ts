import 'server-only';
import type { TDb, TTx } from '../db/client';
import { ACCOUNT_MAX_FAILURES, IP_MAX_FAILURES, LOGIN_LOOKBACK_MS, lockedUntil } from './login-throttle';

export type TLoginBlock = { account: Date | null; ip: Date | null };

/**
 * The locks failed sign-ins put on this e-mail address (failures since its last success) and on
 * this IP address (all failures: a success of the attacker's own account must not reset it).
 */
export async function getLoginBlock(opts: {
  db: TDb | TTx;
  email: string;
  ip: string | null;
  now?: Date;
}): Promise<TLoginBlock> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - LOGIN_LOOKBACK_MS);
  const [byEmail, byIp] = await Promise.all([
    opts.db.loginAttempt.findMany({
      where: { email: opts.email, at: { gt: since } },
      orderBy: { at: 'asc' },
      select: { at: true, success: true },
    }),
    opts.ip
      ? opts.db.loginAttempt.findMany({
          where: { ip: opts.ip, success: false, at: { gt: since } },
          orderBy: { at: 'asc' },
          select: { at: true },
        })
      : Promise.resolve([]),
  ]);
  const lastSuccess = byEmail.findLastIndex((a) => a.success);
  const accountFailures = byEmail.slice(lastSuccess + 1).map((a) => a.at);
  return {
    account: lockedUntil(accountFailures, ACCOUNT_MAX_FAILURES, now),
    ip: lockedUntil(
      byIp.map((a) => a.at),
      IP_MAX_FAILURES,
      now,
    ),
  };
}
