import 'server-only';
import type { TTx } from '../db/client';

/**
 * A session that just proved its second factor (at the second-factor step or by completing TOTP
 * enrolment) gets a new id: the old row is revoked and a new, MFA-verified one with the same
 * absolute end takes its place. Whoever learned the id before the upgrade (a fixed or stolen
 * pre-MFA cookie) holds nothing. Runs inside the caller's transaction.
 */
export async function rotateSession(o: {
  tx: TTx;
  session: { id: string; userId: string; expiresAt: Date };
  now: Date;
  ip: string | null;
  userAgent: string | null;
}): Promise<{ id: string }> {
  await o.tx.session.update({ where: { id: o.session.id }, data: { revokedAt: o.now } });
  return o.tx.session.create({
    data: {
      userId: o.session.userId,
      createdAt: o.now,
      lastSeenAt: o.now,
      expiresAt: o.session.expiresAt,
      mfaVerifiedAt: o.now,
      ip: o.ip,
      userAgent: o.userAgent,
    },
    select: { id: true },
  });
}
