import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/**
 * For a lost authenticator: the second factor and recovery codes are cleared and every session
 * ends, so the user enrols a new authenticator at the next sign-in.
 */
export async function resetUserMfa(opts: { db: TDb; actor: TAuditActor; userId: string }): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const { count } = await tx.user.updateMany({
      where: { id: opts.userId },
      data: { mfaSecretEnc: null, mfaEnrolledAt: null, recoveryCodeHashes: [] },
    });
    if (!count) throw new AppError('not_found', 'Gebruiker niet gevonden');
    const ended = await tx.session.updateMany({
      where: { userId: opts.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'user.mfa_reset',
      objectType: 'user',
      objectId: opts.userId,
      details: { sessiesBeeindigd: ended.count },
    });
  });
}
