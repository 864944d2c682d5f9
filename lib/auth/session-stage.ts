/**
 * Where a live session stands. Only a `ready` session counts as signed in; the others reach only
 * the page of their next step (second factor, TOTP enrolment, password change).
 */
export type TStage = 'second-factor' | 'enrol' | 'change-password' | 'ready';
export type TSignInMethod = 'password' | 'oidc';

export const STAGE_PATH: Record<Exclude<TStage, 'ready'>, string> = {
  'second-factor': '/login/tweede-factor',
  enrol: '/login/koppelen',
  'change-password': '/login/wachtwoord',
};

export function sessionStage(
  session: { mfaVerifiedAt: Date | null },
  user: { mfaEnrolledAt: Date | null; mustChangePassword: boolean },
  via: TSignInMethod,
): TStage {
  if (!session.mfaVerifiedAt) return user.mfaEnrolledAt ? 'second-factor' : 'enrol';
  // A user who signs in through the identity provider never uses the generated password.
  if (user.mustChangePassword && via === 'password') return 'change-password';
  return 'ready';
}

/** The `where` for a session that is not revoked, expired or idle, of an active user. */
export function liveSessionWhere(now: Date, idleMs: number) {
  return {
    revokedAt: null,
    expiresAt: { gt: now },
    lastSeenAt: { gt: new Date(now.getTime() - idleMs) },
    user: { active: true },
  };
}
