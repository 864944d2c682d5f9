import 'server-only';
import { audit, type TAuditActor } from './audit';
import { toCsv } from '../csv';
import type { TDb } from '../db/client';
import { requireBeheerder } from '../auth/require-beheerder';
import { auditWhere, ZAuditFilter, type TAuditFilter } from './search-audit-events';

const MAX_ROWS = 100_000;

/** The filtered audit log as CSV (chronological); the export itself is an audit event. */
export async function exportAuditEvents(opts: {
  db: TDb;
  actor: TAuditActor;
  filter: TAuditFilter;
}): Promise<string> {
  await requireBeheerder(opts.db, opts.actor);
  const f = ZAuditFilter.parse(opts.filter);
  const where = auditWhere(f);
  const events = await opts.db.auditEvent.findMany({
    where,
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    take: MAX_ROWS,
  });
  // The filter is recorded by name only: a BSN or name typed into it must not land in the log.
  const used = Object.entries(f)
    .filter(([k, v]) => v !== undefined && k !== 'order')
    .map(([k]) => k);
  await audit(opts.db, {
    actor: opts.actor,
    action: 'audit.export',
    objectType: 'system',
    personKey: (where.personKey as string | undefined) ?? null,
    details: { rijen: events.length, filters: used.join(',') || null },
  });
  return toCsv(
    [
      'Id',
      'Tijdstip',
      'Gebruiker',
      'Gebruiker-id',
      'Namens',
      'Actie',
      'Objecttype',
      'Object-id',
      'Persoonssleutel',
      'Uitkomst',
      'IP-adres',
      'Details',
    ],
    events.map((e) => [
      e.id.toString(),
      e.at,
      e.actorLabel,
      e.actorId,
      e.onBehalfOfId,
      e.action,
      e.objectType,
      e.objectId,
      e.personKey,
      e.outcome,
      e.ip,
      e.details ? JSON.stringify(e.details) : null,
    ]),
  );
}
