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
export async function setMailNotifications(o: {
  db: TDb;
  actor: TAuditActor;
  userId: string;
  enabled: boolean;
  now?: Date;
}): Promise<void> {
  await o.db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: o.userId, active: true },
      select: { role: true, mailNotifications: true },
    });
    if (!user) throw new AppError('not_found', 'Gebruiker niet gevonden');
    if (user.role === 'COORDINATOR')
      throw new AppError('forbidden', 'Meldingen per e-mail zijn er voor medewerkers en beheerders');
    if (user.mailNotifications === o.enabled) return;
    await tx.user.update({
      where: { id: o.userId },
      data: { mailNotifications: o.enabled, notifiedUpTo: o.enabled ? (o.now ?? new Date()) : null },
    });
    await audit(tx, {
      actor: o.actor,
      action: o.enabled ? 'user.notificaties_aan' : 'user.notificaties_uit',
      objectType: 'user',
      objectId: o.userId,
    });
  });
}
