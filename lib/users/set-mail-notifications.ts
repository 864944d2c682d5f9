import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';

export const ZSetMailNotifications = z.object({
  meldingenPerMail: z.preprocess((v) => v === 'on' || v === 'ja' || v === true, z.boolean()),
});

/**
 * A medewerker or beheerder turns their own e-mail notifications on or off (account page). Turning
 * them on starts from now: only what arrives afterwards counts as new. Audited either way.
 */
export async function setMailNotifications(opts: {
  db: TDb;
  actor: TAuditActor;
  userId: string;
  enabled: boolean;
  now?: Date;
}): Promise<void> {
  await opts.db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: opts.userId, active: true },
      select: { role: true, mailNotifications: true },
    });
    if (!user) throw new AppError('not_found', 'Gebruiker niet gevonden');
    if (user.role === 'COORDINATOR')
      throw new AppError('forbidden', 'Meldingen per e-mail zijn er voor medewerkers en beheerders');
    if (user.mailNotifications === opts.enabled) return;
    await tx.user.update({
      where: { id: opts.userId },
      data: { mailNotifications: opts.enabled, notifiedUpTo: opts.enabled ? (opts.now ?? new Date()) : null },
    });
    await audit(tx, {
      actor: opts.actor,
      action: opts.enabled ? 'user.notificaties_aan' : 'user.notificaties_uit',
      objectType: 'user',
      objectId: opts.userId,
    });
  });
}
