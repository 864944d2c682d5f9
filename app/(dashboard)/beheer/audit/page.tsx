import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { getDb } from '@/lib/db/client';
import { toUserError } from '@/lib/web/to-user-error';
import { AUDIT_PAGE_SIZE, searchAuditEvents, type TAuditFilter } from '@/lib/audit/search-audit-events';
import { AUDIT_OBJECT_LABELS, auditActionLabel, describeAuditDetails } from '@/lib/audit/audit-labels';
import { AdminHeading } from '../_shared/admin-heading';
import { AuditActionSelect } from './action-select';
import { personSearchAction } from './actions';
import { formatDateTime, inputClass, labelClass, tdClass, thClass } from '../_shared/format';

export const metadata: Metadata = { title: 'Auditlog' };
export const dynamic = 'force-dynamic';

type TQuery = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ['user', 'melding', 'personKey', 'action', 'from', 'to', 'order'] as const;

const OUTCOME = { SUCCESS: 'Gelukt', DENIED: 'Geweigerd', FAILURE: 'Mislukt' } as const;

function filterFrom(q: TQuery): TAuditFilter & Record<string, string | undefined> {
  return Object.fromEntries(
    FILTER_KEYS.map((k) => [k, typeof q[k] === 'string' ? (q[k] as string) : undefined]).filter(([, v]) => v),
  );
}

function href(
  filter: Record<string, string | undefined>,
  patch: Record<string, string | undefined>,
  base = '/beheer/audit',
): string {
  const params = new URLSearchParams(
    Object.entries({ ...filter, ...patch }).filter((e): e is [string, string] => !!e[1]),
  );
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<TQuery> }) {
  const user = await requireUser(['BEHEERDER']);
  const q = await searchParams;
  const filter = filterFrom(q);
  const page = Math.max(0, Number(q.pagina) || 0);
  let result: Awaited<ReturnType<typeof searchAuditEvents>> | null = null;
  let error: string | null = null;
  try {
    result = await searchAuditEvents({ db: getDb(), actor: await auditActor(user), filter, page });
  } catch (err) {
    error = toUserError(err, 'audit.search').message;
  }
  const text = (name: string, label: string, hint?: string, type = 'text') => (
    <div>
      <label htmlFor={`f-${name}`} className={labelClass}>
        {label}
      </label>
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        defaultValue={filter[name] ?? ''}
        aria-describedby={hint ? `f-${name}-hint` : undefined}
        className={inputClass}
      />
      {hint && (
        <p id={`f-${name}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
  const pages = result ? Math.ceil(result.total / AUDIT_PAGE_SIZE) : 0;
  return (
    <section className="space-y-4">
      <AdminHeading title="Auditlog">
        Wie deed wat, wanneer. Het log kan niet worden gewijzigd; elke export wordt zelf ook vastgelegd.
      </AdminHeading>
      <form
        method="get"
        className="grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-4"
        aria-label="Filters"
      >
        {text('user', 'Gebruiker', 'E-mailadres (of deel) of gebruikers-id')}
        {text('melding', 'Melding-id')}
        <AuditActionSelect value={filter.action} />
        <div>
          <label htmlFor="f-order" className={labelClass}>
            Volgorde
          </label>
          <select id="f-order" name="order" defaultValue={filter.order ?? 'desc'} className={inputClass}>
            <option value="desc">Nieuwste eerst</option>
            <option value="asc">Chronologisch</option>
          </select>
        </div>
        {filter.personKey && <input type="hidden" name="personKey" value={filter.personKey} />}
        {text('from', 'Vanaf', undefined, 'date')}
        {text('to', 'Tot en met', undefined, 'date')}
        <div className="flex items-end gap-3 md:col-span-2">
          <button
            type="submit"
            className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Zoeken
          </button>
          <Link href="/beheer/audit" className="text-sm text-brand-700 underline">
            Filters wissen
          </Link>
          {}
          <a
            href={href(filter, {}, '/beheer/audit/export')}
            className="text-sm text-brand-700 underline"
            download
          >
            Exporteren (CSV)
          </a>
        </div>
      </form>
      <form
        action={personSearchAction}
        className="grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-4"
        aria-label="Persoon zoeken"
      >
        {text('bsn', 'BSN van een persoon', 'Of achternaam met geboortedatum')}
        {text('achternaam', 'Achternaam')}
        {text('geboortedatum', 'Geboortedatum', undefined, 'date')}
        <div className="flex items-end">
          <button
            type="submit"
            className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Tijdlijn van persoon
          </button>
        </div>
      </form>
      {q.persoonOngeldig && (
        <p role="alert" className="text-sm text-red-800">
          Vul een BSN van 9 cijfers in, of een achternaam met geboortedatum.
        </p>
      )}
      {filter.personKey && (
        <p className="text-sm">
          Gefilterd op één persoon (pseudoniem).{' '}
          <Link href={href(filter, { personKey: undefined })} className="text-brand-700 underline">
            Persoonfilter wissen
          </Link>
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      {result && (
        <>
          <p role="status" className="text-sm">
            {result.total} gebeurtenis{result.total === 1 ? '' : 'sen'}
            {result.personFilter ? ' over deze persoon' : ''}.
          </p>
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Auditgebeurtenissen</caption>
            <thead className="bg-slate-100">
              <tr>
                {['Tijdstip', 'Gebruiker', 'Actie', 'Object', 'Persoon', 'Uitkomst', 'Details'].map((h) => (
                  <th key={h} scope="col" className={thClass}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.events.map((e) => (
                <tr key={e.id.toString()} className="border-t border-slate-200">
                  <td className={tdClass}>{formatDateTime(e.at)}</td>
                  <td className={tdClass}>
                    {e.actorId ? (
                      <Link
                        href={href({}, { user: e.actorId, order: 'asc' })}
                        className="text-brand-700 underline"
                        title="Alles van deze gebruiker, chronologisch"
                      >
                        {e.actorLabel}
                      </Link>
                    ) : (
                      e.actorLabel
                    )}
                  </td>
                  <td className={tdClass}>{auditActionLabel(e.action)}</td>
                  <td className={tdClass}>
                    {e.objectType === 'melding' && e.objectId ? (
                      <Link
                        href={href({}, { melding: e.objectId, order: 'asc' })}
                        className="text-brand-700 underline"
                      >
                        Melding {e.objectId.slice(0, 8)}
                      </Link>
                    ) : (
                      [
                        e.objectType && (AUDIT_OBJECT_LABELS[e.objectType] ?? e.objectType),
                        e.objectId?.slice(0, 8),
                      ]
                        .filter(Boolean)
                        .join(' ') || '—'
                    )}
                  </td>
                  <td className={tdClass}>
                    {e.personKey ? (
                      <Link
                        href={href({}, { personKey: e.personKey, order: 'asc' })}
                        className="text-brand-700 underline"
                      >
                        tijdlijn
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className={tdClass}>{OUTCOME[e.outcome]}</td>
                  <td className={tdClass}>{describeAuditDetails(e.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav aria-label="Pagina's" className="flex gap-4 text-sm">
              {page > 0 && (
                <Link href={href(filter, { pagina: String(page - 1) })} className="text-brand-700 underline">
                  Vorige
                </Link>
              )}
              <span>
                Pagina {page + 1} van {pages}
              </span>
              {page + 1 < pages && (
                <Link href={href(filter, { pagina: String(page + 1) })} className="text-brand-700 underline">
                  Volgende
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
