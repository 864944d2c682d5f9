import 'server-only';
import { SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';
import { createUser } from './create-user';

export const BOOTSTRAP_ADMIN_EMAIL = 'beheerder@meldpunt.local';

/**
 * On the very first start there is nobody to sign in: create one beheerder and hand back the
 * one-time password for printing. Does nothing once any user exists — also when another
 * instance, starting at the same moment on the same database, created it first.
 */
export async function bootstrapAdmin(opts: { db: TDb; email?: string }) {
  if ((await opts.db.user.count()) > 0) return null;
  try {
    return await createUser({
      db: opts.db,
      actor: SYSTEM_ACTOR('start'),
      email: opts.email ?? BOOTSTRAP_ADMIN_EMAIL,
      role: 'BEHEERDER',
      name: 'Beheerder',
    });
  } catch (err) {
    if ((await opts.db.user.count()) > 0) return null;
    throw err;
  }
}
