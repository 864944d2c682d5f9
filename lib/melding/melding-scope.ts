import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { Role } from '../db/generated/enums';
import { AppError } from '../errors';

/** Who acts: the signed-in user (for access) and their audit identity (IP, user agent). */
export type TStaff = { id: string; email: string; role: Role };
export type TActing = { db: TDb; user: TStaff; actor: TAuditActor };

/**
 * The meldingen a user may see, as a `where` fragment that every melding query includes: only
 * medewerkers see individual meldingen; coordinators read statistics, beheerders configure.
 */
export function meldingScope(user: TStaff): Prisma.MeldingWhereInput {
  return user.role === 'MEDEWERKER' ? {} : { id: { in: [] } };
}

/** The same rule for the page guard and for verbs that are not a single query. */
export function mayTriage(user: TStaff): boolean {
  return user.role === 'MEDEWERKER';
}

const ZId = z.uuid();

/**
 * A melding the user may act on, selected with `select`; otherwise the attempt is audited as
 * DENIED (outside any transaction, so it stays recorded) and answered as "not found" — the same
 * answer for another role, a guessed id and a melding that does not exist.
 */
export async function findMeldingInScope<S extends Prisma.MeldingSelect>(
  opts: TActing & { meldingId: string; action: string; select: S },
) {
  const id = ZId.safeParse(opts.meldingId);
  const melding = id.success
    ? await opts.db.melding.findFirst({
        where: { AND: [{ id: id.data }, meldingScope(opts.user)] },
        select: opts.select,
      })
    : null;
  if (!melding) {
    await audit(opts.db, {
      actor: opts.actor,
      action: opts.action,
      objectType: 'melding',
      objectId: id.success ? id.data : null,
      outcome: 'DENIED',
    });
    throw new AppError('not_found', 'Deze melding bestaat niet of u heeft er geen toegang toe');
  }
  return melding as Prisma.MeldingGetPayload<{ select: S }>;
}
