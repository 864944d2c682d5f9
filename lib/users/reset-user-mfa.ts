import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/**
 * For a lost authenticator: the second factor and recovery codes are cleared and every session
 * ends, so the user enrols a new authenticator at the next sign-in.
 */
export async function resetUserMfa(o: { db: TDb; actor: TAuditActor; userId: string }): Promise<void> {
  await o.db.$transaction(async (tx) => {
    await requireBeheerder(tx, o.actor);
    const { count } = await tx.user.updateMany({
      where: { id: o.userId },
      data: { mfaSecretEnc: null, mfaEnrolledAt: null, recoveryCodeHashes: [] },
    });
    if (!count) throw new AppError('not_found', 'Gebruiker niet gevonden');
    const ended = await tx.session.updateMany({
      where: { userId: o.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit(tx, {
      actor: o.actor,
      action: 'user.mfa_reset',
      objectType: 'user',
      objectId: o.userId,
      details: { sessiesBeeindigd: ended.count },
    });
  });
}
