import 'server-only';
import type { TTx } from '../db/client';

/**
 * A session that just proved its second factor (at the second-factor step or by completing TOTP
 * enrolment) gets a new id: the old row is revoked and a new, MFA-verified one with the same
 * absolute end takes its place. Whoever learned the id before the upgrade (a fixed or stolen
 * pre-MFA cookie) holds nothing. Runs inside the caller's transaction.
 */
export async function rotateSession(opts: {
  tx: TTx;
  session: { id: string; userId: string; expiresAt: Date };
  now: Date;
  ip: string | null;
  userAgent: string | null;
}): Promise<{ id: string }> {
  await opts.tx.session.update({ where: { id: opts.session.id }, data: { revokedAt: opts.now } });
  return opts.tx.session.create({
    data: {
      userId: opts.session.userId,
      createdAt: opts.now,
      lastSeenAt: opts.now,
      expiresAt: opts.session.expiresAt,
      mfaVerifiedAt: opts.now,
      ip: opts.ip,
      userAgent: opts.userAgent,
    },
    select: { id: true },
  });
}
