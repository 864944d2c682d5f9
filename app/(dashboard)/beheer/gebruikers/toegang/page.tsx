import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listUsers } from '@/lib/users/list-users';
import { AdminHeading } from '../../_shared/admin-heading';
import { formatDateTime, tdClass, thClass } from '../../_shared/format';

export const metadata: Metadata = { title: 'Toegangsoverzicht' };
export const dynamic = 'force-dynamic';

/** The periodic review of access rights (BIO): who has which role, and who still uses it. */
export default async function AccessReviewPage() {
  const user = await requireUser(['BEHEERDER']);
  const users = await listUsers({ db: getDb(), actor: await auditActor(user) });
  return (
    <section>
      <AdminHeading title="Toegangsoverzicht" back={{ href: '/beheer/gebruikers', label: 'Gebruikers' }}>
        Iedere gebruiker met rol, status en laatste activiteit, voor de periodieke controle van
        toegangsrechten. Het exporteren wordt vastgelegd in het auditlog.
      </AdminHeading>
      {/* A plain link: the CSV is a download, not a page. */}
      {}
      <p className="mb-4">
        <a
          href="/beheer/gebruikers/toegang/export"
          className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          download
        >
          Exporteren (CSV)
        </a>
      </p>
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">Toegangsoverzicht</caption>
        <thead className="bg-slate-100">
          <tr>
            {[
              'E-mailadres',
              'Naam',
              'Rol',
              'Status',
              'Tweede factor',
              'Laatst ingelogd',
              'Laatste activiteit',
              'Open sessies',
            ].map((h) => (
              <th key={h} scope="col" className={thClass}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-200">
              <th scope="row" className={`${tdClass} text-left font-normal`}>
                {u.email}
              </th>
              <td className={tdClass}>{u.name ?? '—'}</td>
              <td className={tdClass}>{ROLE_LABELS[u.role]}</td>
              <td className={tdClass}>{u.active ? 'Actief' : 'Gedeactiveerd'}</td>
              <td className={tdClass}>{u.mfa ? 'Ingesteld' : 'Niet ingesteld'}</td>
              <td className={tdClass}>{formatDateTime(u.lastLoginAt)}</td>
              <td className={tdClass}>{formatDateTime(u.lastActivityAt)}</td>
              <td className={tdClass}>{u.openSessions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
