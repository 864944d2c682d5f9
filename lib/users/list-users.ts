import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { requireBeheerder } from '../auth/require-beheerder';

export type TUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  active: boolean;
  mfa: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  lastActivityAt: Date | null;
  openSessions: number;
  createdAt: Date;
};

/** Every user with role, status, second factor and last activity: the access review (BIO). */
export async function listUsers(opts: { db: TDb; actor: TAuditActor; now?: Date }): Promise<TUserRow[]> {
  await requireBeheerder(opts.db, opts.actor);
  const now = opts.now ?? new Date();
  const [users, activity, open] = await Promise.all([
    opts.db.user.findMany({
      orderBy: [{ active: 'desc' }, { email: 'asc' }],
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        active: true,
        mfaEnrolledAt: true,
        lockedUntil: true,
        lastLoginAt: true,
        createdAt: true,
      },
    }),
    opts.db.session.groupBy({ by: ['userId'], _max: { lastSeenAt: true } }),
    opts.db.session.groupBy({
      by: ['userId'],
      where: { revokedAt: null, expiresAt: { gt: now } },
      _count: { _all: true },
    }),
  ]);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    mfa: !!u.mfaEnrolledAt,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil : null,
    lastLoginAt: u.lastLoginAt,
    lastActivityAt: activity.find((a) => a.userId === u.id)?._max.lastSeenAt ?? u.lastLoginAt,
    openSessions: open.find((a) => a.userId === u.id)?._count._all ?? 0,
    createdAt: u.createdAt,
  }));
}
