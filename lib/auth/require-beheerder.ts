import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb, TTx } from '../db/client';
import { AppError } from '../errors';

/**
 * The administration verbs' own role check, on top of the page's requireUser: the acting user
 * must be an active beheerder now (not merely when their session started).
 */
export async function requireBeheerder(db: TDb | TTx, actor: TAuditActor): Promise<string> {
  const ok = actor.id ? await db.user.count({ where: { id: actor.id, role: 'BEHEERDER', active: true } }) : 0;
  if (!ok || !actor.id) throw new AppError('forbidden', 'Alleen een beheerder mag dit doen');
  return actor.id;
}
