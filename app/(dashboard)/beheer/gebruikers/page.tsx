import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listUsers } from '@/lib/users/list-users';
import { AdminForm } from '../_shared/admin-form';
import { AdminHeading } from '../_shared/admin-heading';
import { formatDateTime, tdClass, thClass } from '../_shared/format';
import { inviteUserAction, resetMfaAction, setActiveAction, setRoleAction } from './actions';
import { InviteForm } from './invite-form';

export const metadata: Metadata = { title: 'Gebruikers' };
export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const user = await requireUser(['BEHEERDER']);
  const users = await listUsers({ db: getDb(), actor: await auditActor(user) });
  return (
    <section className="space-y-6">
      <AdminHeading title="Gebruikers">
        Accounts, rollen en toegang. Voor de periodieke controle van toegangsrechten:{' '}
        <Link href="/beheer/gebruikers/toegang" className="text-brand-700 underline">
          toegangsoverzicht
        </Link>
        .
      </AdminHeading>
      <section aria-labelledby="nieuw">
        <h2 id="nieuw" className="mb-2 text-lg font-semibold">
          Nieuwe gebruiker
        </h2>
        <InviteForm action={inviteUserAction} />
      </section>
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">Alle gebruikers</caption>
        <thead className="bg-slate-100">
          <tr>
            {['Gebruiker', 'Rol', 'Status', 'Tweede factor', 'Laatst ingelogd', 'Acties'].map((h) => (
              <th key={h} scope="col" className={thClass}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-200" data-user={u.email}>
              <th scope="row" className={`${tdClass} text-left font-normal`}>
                <span className="font-medium">{u.name ?? u.email}</span>
                {u.name && (
                  <>
                    <br />
                    {u.email}
                  </>
                )}
              </th>
              <td className={tdClass}>
                <AdminForm
                  action={setRoleAction}
                  hidden={{ userId: u.id }}
                  submitLabel="Rol wijzigen"
                  className="flex flex-wrap items-center gap-2"
                >
                  <label htmlFor={`rol-${u.id}`} className="sr-only">
                    Rol van {u.email}
                  </label>
                  <select
                    id={`rol-${u.id}`}
                    name="role"
                    defaultValue={u.role}
                    className="rounded border border-slate-400 px-2 py-1"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </AdminForm>
              </td>
              <td className={tdClass}>
                {u.active
                  ? u.lockedUntil
                    ? `Geblokkeerd tot ${formatDateTime(u.lockedUntil)}`
                    : 'Actief'
                  : 'Gedeactiveerd'}
              </td>
              <td className={tdClass}>{u.mfa ? 'Ingesteld' : 'Niet ingesteld'}</td>
              <td className={tdClass}>{formatDateTime(u.lastLoginAt)}</td>
              <td className={`${tdClass} space-y-2`}>
                {u.mfa && (
                  <AdminForm
                    action={resetMfaAction}
                    hidden={{ userId: u.id }}
                    submitLabel="Tweede factor resetten"
                    confirm={`Tweede factor van ${u.email} wissen? Alle sessies van deze gebruiker worden beëindigd.`}
                  />
                )}
                <AdminForm
                  action={setActiveAction}
                  hidden={{ userId: u.id, active: String(!u.active) }}
                  submitLabel={u.active ? 'Deactiveren' : 'Activeren'}
                  danger={u.active}
                  confirm={
                    u.active ? `${u.email} deactiveren? Alle sessies worden direct beëindigd.` : undefined
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
