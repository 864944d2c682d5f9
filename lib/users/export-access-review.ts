import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import { ROLE_LABELS } from '../auth/roles';
import { toCsv } from '../csv';
import type { TDb } from '../db/client';
import { listUsers } from './list-users';

/** The access review as CSV, for the periodic review of access rights; the export is audited. */
export async function exportAccessReview(opts: { db: TDb; actor: TAuditActor }): Promise<string> {
  const users = await listUsers(opts);
  await audit(opts.db, {
    actor: opts.actor,
    action: 'toegang.export',
    objectType: 'system',
    details: { gebruikers: users.length },
  });
  return toCsv(
    [
      'E-mailadres',
      'Naam',
      'Rol',
      'Status',
      'Tweede factor',
      'Laatst ingelogd',
      'Laatste activiteit',
      'Aangemaakt',
    ],
    users.map((u) => [
      u.email,
      u.name,
      ROLE_LABELS[u.role],
      u.active ? 'actief' : 'gedeactiveerd',
      u.mfa ? 'ingesteld' : 'niet ingesteld',
      u.lastLoginAt,
      u.lastActivityAt,
      u.createdAt,
    ]),
  );
}
