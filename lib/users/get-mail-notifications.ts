import 'server-only';
import type { TDb } from '../db/client';

/** Whether the user has e-mail notifications on (account page). */
export async function getMailNotifications(o: { db: TDb; userId: string }): Promise<boolean> {
  const user = await o.db.user.findUnique({ where: { id: o.userId }, select: { mailNotifications: true } });
  return user?.mailNotifications ?? false;
}
