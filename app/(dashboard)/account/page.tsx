import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { listOwnSessions } from '@/lib/auth/list-own-sessions';
import { getMailNotifications } from '@/lib/users/get-mail-notifications';
import { LogoutButton } from '../../(auth)/uitloggen/logout-button';
import { formatDateTime } from '../beheer/_shared/format';
import { endAllSessionsAction } from './actions';
import { MailNotificationsForm } from './mail-notifications-form';

export const metadata: Metadata = { title: 'Mijn account' };
export const dynamic = 'force-dynamic';

/** A short description of the browser, from its user agent. */
function browserOf(ua: string | null): string {
  if (!ua) return 'onbekend';
  const name = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'andere browser';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Mac OS X/.test(ua)
      ? 'macOS'
      : /Android/.test(ua)
        ? 'Android'
        : /iPhone|iPad/.test(ua)
          ? 'iOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${name} op ${os}` : name;
}

export default async function AccountPage() {
  const user = await requireUser();
  const sessions = await listOwnSessions({ db: getDb(), userId: user.id });
  const notifies = user.role !== 'COORDINATOR';
  const notifying = notifies && (await getMailNotifications({ db: getDb(), userId: user.id }));
  const everyMinutes = Math.max(1, Math.round(getEnv().NOTIFY_INTERVAL_SEC / 60));
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Mijn account</h1>
        <p className="mt-2 text-slate-700">
          {user.name ?? user.email} · {user.email} · {ROLE_LABELS[user.role]}
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link
            href="/login/wachtwoord"
            className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-slate-100"
          >
            Wachtwoord wijzigen
          </Link>
          <LogoutButton className="rounded border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100" />
        </div>
      </div>
      {notifies && (
        <div>
          <h2 className="text-lg font-semibold">Meldingen per e-mail</h2>
          <p className="mt-1 text-sm text-slate-600">
            Hoogstens één e-mail per {everyMinutes === 1 ? 'minuut' : `${everyMinutes} minuten`}, alleen als
            er iets nieuws is. De e-mail noemt alleen aantallen en een link: geen namen, kenmerken of andere
            gegevens uit meldingen.
          </p>
          <MailNotificationsForm enabled={notifying} />
        </div>
      )}
      <div>
        <h2 className="text-lg font-semibold">Open sessies</h2>
        <p className="mt-1 text-sm text-slate-600">
          Ziet u een sessie die u niet herkent? Beëindig dan alle sessies en wijzig uw wachtwoord.
        </p>
        <table className="mt-3 w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">
                Ingelogd
              </th>
              <th scope="col" className="py-2 pr-4">
                Laatst actief
              </th>
              <th scope="col" className="py-2 pr-4">
                Verloopt
              </th>
              <th scope="col" className="py-2 pr-4">
                IP-adres
              </th>
              <th scope="col" className="py-2 pr-4">
                Browser
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} className="border-b border-slate-200" data-testid="session-row">
                <td className="py-2 pr-4">
                  {formatDateTime(s.createdAt)}
                  {s.id === user.sessionId && (
                    <span className="ml-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs text-white">
                      deze sessie
                    </span>
                  )}
                </td>
                <td className="py-2 pr-4">{formatDateTime(s.lastSeenAt)}</td>
                <td className="py-2 pr-4">{formatDateTime(s.expiresAt)}</td>
                <td className="py-2 pr-4">{s.ip ?? 'onbekend'}</td>
                <td className="py-2 pr-4">{browserOf(s.userAgent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form action={endAllSessionsAction} className="mt-4">
          <button
            type="submit"
            className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
          >
            Alle sessies beëindigen
          </button>
        </form>
      </div>
    </section>
  );
}
