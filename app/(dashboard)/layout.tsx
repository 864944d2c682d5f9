import type { ReactNode } from 'react';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { getSettings } from '@/lib/settings/get-settings';
import { getHuisstijl } from '@/lib/theme/get-huisstijl';
import { countOpenQueueItems } from '@/lib/ingest/count-open-queue-items';
import { NavLink } from './nav-link';
import { SkipLinks } from './skip-links';

export const dynamic = 'force-dynamic';

/** The menu a role sees; each page enforces the same rule again on the server. */
function menu(
  role: Role,
  statistiekenVoorMedewerkers: boolean,
  waiting: number,
): { href: string; label: string; badge?: string }[] {
  const items: { href: string; label: string; badge?: string }[] = [];
  if (role === 'MEDEWERKER') items.push({ href: '/meldingen', label: 'Meldingen' });
  if (role === 'MEDEWERKER' || role === 'BEHEERDER')
    items.push({
      href: '/postvak',
      label: 'Postvak',
      badge: waiting
        ? `${waiting} ${waiting === 1 ? 'bericht wacht' : 'berichten wachten'} op actie`
        : undefined,
    });
  if (role !== 'MEDEWERKER' || statistiekenVoorMedewerkers)
    items.push({ href: '/statistieken', label: 'Statistieken' });
  if (role === 'BEHEERDER') items.push({ href: '/beheer', label: 'Beheer' });
  return items;
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const db = getDb();
  const [settings, huisstijl, waiting] = await Promise.all([
    getSettings({ db }),
    getHuisstijl({ db }),
    countOpenQueueItems({ db, role: user.role }),
  ]);
  return (
    <div className="min-h-screen">
      <SkipLinks />
      <header className="bg-brand-900 text-brand-contrast print:hidden">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-2 lg:px-6">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold">
            {huisstijl.logoHref && (
              // eslint-disable-next-line @next/next/no-img-element -- a small logo from our own origin
              <img src={huisstijl.logoHref} alt="" height={32} className="h-8 w-auto" />
            )}
            {huisstijl.naam}
          </Link>
          <nav aria-label="Hoofdmenu" className="flex-1">
            <ul className="flex gap-1">
              {menu(user.role, settings.statistiekenVoorMedewerkers, waiting).map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href}>
                    {item.label}
                    {item.badge && (
                      <span
                        className="ml-1 rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-slate-900"
                        data-testid="postvak-count"
                      >
                        {waiting}
                        <span className="sr-only"> ({item.badge})</span>
                      </span>
                    )}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <details className="relative">
            <summary className="cursor-pointer list-none rounded px-3 py-2 text-sm hover:bg-brand-700">
              <span className="font-medium">{user.name ?? user.email}</span> · {ROLE_LABELS[user.role]}{' '}
              <span aria-hidden="true">▾</span>
            </summary>
            <ul className="absolute right-0 z-20 mt-1 w-48 rounded border border-slate-200 bg-white py-1 text-slate-900 shadow-lg">
              <li>
                <Link href="/account" className="block px-4 py-2 hover:bg-brand-50">
                  Mijn account
                </Link>
              </li>
              <li>
                <Link href="/uitloggen" className="block px-4 py-2 hover:bg-brand-50">
                  Uitloggen
                </Link>
              </li>
            </ul>
          </details>
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none lg:px-6">
        {children}
      </main>
    </div>
  );
}
