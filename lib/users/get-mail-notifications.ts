import 'server-only';
import type { TDb } from '../db/client';

/** Whether the user has e-mail notifications on (account page). */
export async function getMailNotifications(opts: { db: TDb; userId: string }): Promise<boolean> {
  const user = await opts.db.user.findUnique({
    where: { id: opts.userId },
    select: { mailNotifications: true },
  });
  return user?.mailNotifications ?? false;
}
