import 'server-only';
import { z } from 'zod';
import { personKey, type TAuditActor } from './audit';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { requireBeheerder } from '../auth/require-beheerder';

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'datum als JJJJ-MM-DD')
  .optional()
  .or(z.literal('').transform(() => undefined));

/** The audit viewer's filters, all optional; `person` is a BSN or a surname with birth date. */
export const ZAuditFilter = z.object({
  user: optional,
  melding: optional,
  bsn: z
    .string()
    .trim()
    .regex(/^\d{9}$/, 'BSN heeft 9 cijfers')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  achternaam: optional,
  /** The pseudonymous key itself, for "this person's history" from an event already shown. */
  personKey: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  geboortedatum: day,
  action: optional,
  from: day,
  to: day,
  order: z.enum(['asc', 'desc']).default('desc'),
});

export type TAuditFilter = z.input<typeof ZAuditFilter>;

export const AUDIT_PAGE_SIZE = 200;

/** The Prisma `where` for a filter: user by id or (part of) their label, person by pseudonymous key. */
export function auditWhere(f: z.output<typeof ZAuditFilter>): Prisma.AuditEventWhereInput {
  const key =
    f.bsn || (f.achternaam && f.geboortedatum)
      ? personKey({ bsn: f.bsn, achternaam: f.achternaam, geboortedatum: f.geboortedatum })
      : f.personKey;
  const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);
  return {
    ...(f.user
      ? isUuid(f.user)
        ? { OR: [{ actorId: f.user }, { onBehalfOfId: f.user }] }
        : { actorLabel: { contains: f.user, mode: 'insensitive' } }
      : {}),
    ...(f.melding ? { objectType: 'melding', objectId: f.melding } : {}),
    ...(key ? { personKey: key } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to
      ? {
          at: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
            ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

/**
 * Audit events for the beheerder's viewer, newest first (or chronological, for the per-person
 * and per-user views), one page at a time. Viewing the log is itself not a read of a melding.
 */
export async function searchAuditEvents(opts: {
  db: TDb;
  actor: TAuditActor;
  filter: TAuditFilter;
  page?: number;
}) {
  await requireBeheerder(opts.db, opts.actor);
  const f = ZAuditFilter.parse(opts.filter);
  const where = auditWhere(f);
  const [events, total] = await Promise.all([
    opts.db.auditEvent.findMany({
      where,
      orderBy: [{ at: f.order }, { id: f.order }],
      skip: Math.max(0, opts.page ?? 0) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    opts.db.auditEvent.count({ where }),
  ]);
  return { events, total, personFilter: !!where.personKey };
}
