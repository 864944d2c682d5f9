import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { createUser } from './create-user';
import { requireBeheerder } from '../auth/require-beheerder';

/**
 * A new account made by a beheerder in the dashboard. The generated one-time password is
 * returned once for the beheerder to hand over by another channel; it is never stored or mailed.
 */
export async function inviteUser(opts: {
  db: TDb;
  actor: TAuditActor;
  email: string;
  role: Role;
  name?: string;
}) {
  await requireBeheerder(opts.db, opts.actor);
  return createUser({ db: opts.db, actor: opts.actor, email: opts.email, role: opts.role, name: opts.name });
}
