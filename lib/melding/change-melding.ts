import 'server-only';
import { audit, type TAuditInput } from '../audit/audit';
import type { TTx } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { MeldingStatus } from '../db/generated/enums';
import { AppError } from '../errors';
import { meldingPersonKey } from './melding-person-key';
import { findMeldingInScope, meldingScope, type TActing } from './melding-scope';

type TChange = {
  meldingId: string;
  /** Audit action, e.g. `melding.beoordeeld`. */
  action: string;
  /** The statuses this action may start from; checked again inside the update (no races). */
  from: readonly MeldingStatus[];
  conflict: string;
  /** The change, inside one transaction: what to write on the melding, and audit details. */
  apply: (
    tx: TTx,
    m: TMeldingForChange,
  ) => Promise<{
    data?: Prisma.MeldingUncheckedUpdateManyInput;
    to?: MeldingStatus;
    reason?: string | null;
    details?: TAuditInput['details'];
  }>;
};

const SELECT = {
  id: true,
  kenmerk: true,
  status: true,
  assigneeId: true,
  firstAssessedAt: true,
  soorten: true,
  mailboxId: true,
  behandelaarEmail: true,
  formulier: true,
  corrections: true,
  bsn: true,
  voornamen: true,
  voorvoegsel: true,
  achternaam: true,
  geboortedatum: true,
  anonymisedAt: true,
} satisfies Prisma.MeldingSelect;
export type TMeldingForChange = Prisma.MeldingGetPayload<{ select: typeof SELECT }>;

/**
 * The shape of every triage action: the melding in the user's scope (else audited DENIED and not
 * found), then in one transaction the change — guarded by the allowed statuses inside the
 * update's `where` — its StatusChange when the status moves, and the audit event.
 */
export async function changeMelding(opts: TActing & TChange) {
  const found = await findMeldingInScope({ ...opts, select: SELECT });
  if (!opts.from.includes(found.status) || found.anonymisedAt) throw new AppError('conflict', opts.conflict);
  return opts.db.$transaction(async (tx) => {
    const m = (await tx.melding.findFirst({
      where: { AND: [{ id: found.id }, meldingScope(opts.user)] },
      select: SELECT,
    }))!;
    const change = await opts.apply(tx, m);
    const to = change.to ?? m.status;
    const updated = await tx.melding.updateMany({
      where: {
        AND: [{ id: m.id, status: { in: [...opts.from] }, anonymisedAt: null }, meldingScope(opts.user)],
      },
      data: { ...change.data, status: to },
    });
    if (updated.count !== 1) throw new AppError('conflict', opts.conflict);
    if (to !== m.status) {
      const uitkomst = typeof change.data?.uitkomst === 'string' ? change.data.uitkomst : null;
      await tx.statusChange.create({
        data: {
          meldingId: m.id,
          actorId: opts.user.id,
          from: m.status,
          to,
          uitkomst,
          reason: change.reason ?? null,
        },
      });
    }
    await audit(tx, {
      actor: opts.actor,
      action: opts.action,
      objectType: 'melding',
      objectId: m.id,
      personKey: meldingPersonKey(m),
      details: change.details,
    });
    return { id: m.id, status: to };
  });
}
