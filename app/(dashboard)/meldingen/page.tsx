import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { getDb } from '@/lib/db/client';
import { BADGE_LABELS, BADGES, STATUS_LABELS, UITKOMST_LABELS } from '@/lib/melding/labels';
import { listMeldingen, ZMeldingFilter, type TMeldingFilter } from '@/lib/melding/list-meldingen';
import { openSearch } from '@/lib/melding/search-token';
import { LiveRefresh } from '../live-refresh';
import { searchMeldingenAction } from './actions';
import { Badges } from './badges';
import { Priority } from './priority';
import { formatDateTime, formatDay, werkdagenLabel } from './format';

export const metadata: Metadata = { title: 'Meldingen' };
export const dynamic = 'force-dynamic';

type TSearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const SORT_CAPTION: Record<TMeldingFilter['sort'], string> = {
  nieuwste: 'nieuwste eerst',
  oudste: 'oudste eerst',
  naam: 'op achternaam',
  prioriteit: 'hoogste prioriteit eerst',
};
const input = 'mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm';

/** Paging keeps the search as its sealed token (`zoek`), never as text. */
function pageHref(f: TMeldingFilter, zoek: string | undefined, pagina: number): string {
  const p = new URLSearchParams();
  if (f.q && zoek) p.set('zoek', zoek);
  if (f.status !== 'open') p.set('status', f.status);
  if (f.toegewezen !== 'iedereen') p.set('toegewezen', f.toegewezen);
  if (f.van) p.set('van', f.van);
  if (f.tot) p.set('tot', f.tot);
  for (const b of f.badges) p.append('badge', b);
  if (f.sort !== 'nieuwste') p.set('sort', f.sort);
  if (pagina > 1) p.set('pagina', String(pagina));
  const s = p.toString();
  return s ? `/meldingen?${s}` : '/meldingen';
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const user = await requireUser(['MEDEWERKER']);
  const sp = await searchParams;
  const badge = sp.badge === undefined ? [] : Array.isArray(sp.badge) ? sp.badge : [sp.badge];
  // The search text only ever arrives sealed (see actions.ts); a plain ?q= is ignored.
  const zoek = one(sp.zoek);
  const q = zoek ? openSearch({ token: zoek, userId: user.id }) : null;
  const {
    rows,
    total,
    totalCapped,
    pageSize,
    filter: f,
  } = await listMeldingen({
    db: getDb(),
    user,
    actor: await auditActor(user),
    // Every field falls back to its default: a hand-edited URL shows the inbox, never an error.
    filter: ZMeldingFilter.parse({
      status: one(sp.status),
      toegewezen: one(sp.toegewezen),
      van: one(sp.van),
      tot: one(sp.tot),
      badges: badge,
      q: q ?? undefined,
      sort: one(sp.sort),
      pagina: one(sp.pagina),
    }),
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hasNext = totalCapped ? rows.length === pageSize : f.pagina < pages;
  return (
    <section>
      <LiveRefresh scope="meldingen" title="Meldingen" />
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Meldingen</h1>
        <Link href="/meldingen/registreren" className="text-sm text-brand-700 underline">
          Melding registreren
        </Link>
        <p className="text-sm text-slate-700" aria-live="polite">
          {totalCapped
            ? `Meer dan ${total.toLocaleString('nl-NL')} meldingen`
            : total === 1
              ? '1 melding'
              : `${total.toLocaleString('nl-NL')} meldingen`}
        </p>
      </div>

      {zoek && q === null ? (
        <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          Deze zoekopdracht is verlopen. Zoek opnieuw.
        </p>
      ) : null}
      <form
        action={searchMeldingenAction}
        className="mt-4 rounded border border-slate-200 bg-white p-4"
        role="search"
        aria-label="Meldingen zoeken en filteren"
      >
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-6">
          <div className="col-span-2">
            <label htmlFor="q" className="text-sm font-medium">
              Zoeken
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={f.q ?? ''}
              placeholder="Kenmerk, naam, BSN of tekst uit de reden"
              className={input}
            />
          </div>
          <div>
            <label htmlFor="status" className="text-sm font-medium">
              Status
            </label>
            <select id="status" name="status" defaultValue={f.status} className={input}>
              <option value="open">Open</option>
              {Object.entries(STATUS_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
              <option value="alle">Alle</option>
            </select>
          </div>
          <div>
            <label htmlFor="toegewezen" className="text-sm font-medium">
              Toegewezen
            </label>
            <select id="toegewezen" name="toegewezen" defaultValue={f.toegewezen} className={input}>
              <option value="iedereen">Iedereen</option>
              <option value="mij">Aan mij</option>
              <option value="niemand">Niet toegewezen</option>
            </select>
          </div>
          <div>
            <label htmlFor="van" className="text-sm font-medium">
              Ontvangen vanaf
            </label>
            <input id="van" name="van" type="date" defaultValue={f.van ?? ''} className={input} />
          </div>
          <div>
            <label htmlFor="tot" className="text-sm font-medium">
              Ontvangen tot en met
            </label>
            <input id="tot" name="tot" type="date" defaultValue={f.tot ?? ''} className={input} />
          </div>
        </div>
        <fieldset className="mt-3">
          <legend className="text-sm font-medium">Alleen meldingen met</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {BADGES.map((b) => (
              <label key={b} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  name="badge"
                  value={b}
                  defaultChecked={f.badges.includes(b)}
                  className="h-4 w-4"
                />
                {BADGE_LABELS[b]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="sort" className="text-sm font-medium">
              Sorteren
            </label>
            <select id="sort" name="sort" defaultValue={f.sort} className={input}>
              <option value="nieuwste">Nieuwste eerst</option>
              <option value="oudste">Oudste eerst</option>
              <option value="naam">Achternaam</option>
              <option value="prioriteit">Prioriteit (hoog eerst)</option>
            </select>
          </div>
          <button
            type="submit"
            className="rounded bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700"
          >
            Toepassen
          </button>
          <Link href="/meldingen" className="px-2 py-1.5 text-sm text-brand-700 underline">
            Filters wissen
          </Link>
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="mt-6 rounded border border-slate-200 bg-white p-6 text-slate-700">
          {f.q || f.badges.length || f.van || f.tot || f.toegewezen !== 'iedereen' || f.status !== 'open'
            ? 'Geen meldingen gevonden met deze zoekopdracht of filters.'
            : 'Er zijn geen openstaande meldingen.'}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded border border-slate-200 bg-white">
          {/* Cell padding and row borders set once here, not on each of the 25 × 7 cells: they were a
              fifth of the page's HTML and again of its RSC payload. */}
          <table className="w-full text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-200 [&_th]:px-3 [&_th]:py-2">
            <caption className="sr-only">Meldingen, {SORT_CAPTION[f.sort]}</caption>
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                <th scope="col">Ontvangen</th>
                <th scope="col">Kenmerk</th>
                <th scope="col">Betrokkene</th>
                <th scope="col">Plaats</th>
                <th scope="col">Prioriteit</th>
                <th scope="col">Status</th>
                <th scope="col">Behandelaar</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.overdue ? 'bg-red-50 shadow-[inset_4px_0_0_#b91c1c]' : undefined}>
                  <td className="whitespace-nowrap">
                    {formatDateTime(r.receivedAt)}
                    <div className={`text-xs ${r.overdue ? 'font-semibold text-red-800' : 'text-slate-600'}`}>
                      {werkdagenLabel(r.werkdagenGeleden)}
                    </div>
                  </td>
                  <td>
                    <Link href={`/meldingen/${r.id}`} className="font-medium text-brand-700 underline">
                      {r.kenmerk}
                    </Link>
                  </td>
                  <td>
                    <div>{r.naam ?? 'Naam onbekend'}</div>
                    <div className="text-xs text-slate-600">{formatDay(r.geboortedatum)}</div>
                    {r.badges.length > 0 && (
                      <div className="mt-1">
                        <Badges badges={r.badges} />
                      </div>
                    )}
                  </td>
                  <td>{r.plaats ?? '—'}</td>
                  <td>
                    <Priority prioriteit={r.prioriteit} beoordeling={r.beoordeling} />
                  </td>
                  <td>
                    {STATUS_LABELS[r.status]}
                    {r.uitkomst && (
                      <div className="text-xs text-slate-600">{UITKOMST_LABELS[r.uitkomst]}</div>
                    )}
                  </td>
                  <td>
                    {r.assignee ? (
                      r.assignedToMe ? (
                        `${r.assignee} (ik)`
                      ) : (
                        r.assignee
                      )
                    ) : (
                      <span className="text-slate-600">Niemand</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(f.pagina > 1 || hasNext) && (
        <nav aria-label="Paginering" className="mt-4 flex items-center justify-between text-sm">
          {f.pagina > 1 ? (
            <Link href={pageHref(f, zoek, f.pagina - 1)} className="text-brand-700 underline">
              ‹ Vorige
            </Link>
          ) : (
            <span />
          )}
          <span>
            Pagina {f.pagina}
            {totalCapped ? '' : ` van ${pages}`}
          </span>
          {hasNext ? (
            <Link href={pageHref(f, zoek, f.pagina + 1)} className="text-brand-700 underline">
              Volgende ›
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
