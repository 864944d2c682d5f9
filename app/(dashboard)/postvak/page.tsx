import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { getDb } from '@/lib/db/client';
import { NEXT_ACTION_LABELS, RESOLUTION_LABELS, STATE_LABELS } from '@/lib/ingest/inbound-codes';
import { listWorkQueue, WORK_QUEUE_PAGE_SIZE } from '@/lib/ingest/list-work-queue';
import { formatDateTime } from '../meldingen/format';
import { LiveRefresh } from '../live-refresh';

export const metadata: Metadata = { title: 'Postvak' };
export const dynamic = 'force-dynamic';

function pageHref(show: 'open' | 'alle', pagina: number): string {
  const params = new URLSearchParams();
  if (show === 'alle') params.set('toon', 'alle');
  if (pagina > 1) params.set('pagina', String(pagina));
  const query = params.toString();
  return query ? `/postvak?${query}` : '/postvak';
}

/**
 * The work queue: every message that is not simply a melding — foutmeldingen, quarantine,
 * parked, replies that could not be linked, auto-replies, other mail — with what to do next.
 */
export default async function PostvakPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(['MEDEWERKER', 'BEHEERDER']);
  const sp = await searchParams;
  const show = sp.toon === 'alle' ? 'alle' : 'open';
  const pagina = Math.min(100_000, Math.max(1, Number(sp.pagina) || 1));
  const { items, total } = await listWorkQueue({ db: getDb(), role: user.role, show, pagina });
  const pages = Math.max(1, Math.ceil(total / WORK_QUEUE_PAGE_SIZE));
  return (
    <section>
      <LiveRefresh scope="postvak" title="Postvak" />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Postvak</h1>
        <nav aria-label="Weergave" className="flex gap-3 text-sm">
          <Link href="/postvak" aria-current={show === 'open' ? 'page' : undefined} className="underline">
            Wacht op actie
          </Link>
          <Link
            href="/postvak?toon=alle"
            aria-current={show === 'alle' ? 'page' : undefined}
            className="underline"
          >
            Alle berichten buiten het overzicht
          </Link>
        </nav>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Elk bericht in de mailbox dat geen gewone melding is: foutmeldingen, quarantaine, reacties die niet
        konden worden gekoppeld, automatische antwoorden en overige mail.
      </p>
      {items.length === 0 ? (
        <p className="mt-6 rounded bg-green-50 p-4 text-green-900" role="status">
          {show === 'open' ? 'Er wacht niets op actie.' : 'Geen berichten.'}
        </p>
      ) : (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">Berichten in het postvak</caption>
          <thead className="border-b border-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Ontvangen
              </th>
              <th scope="col" className="py-2 pr-3">
                Afzender
              </th>
              <th scope="col" className="py-2 pr-3">
                Onderwerp
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2">
                Volgende stap
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-b border-slate-200 align-top" data-state={item.state}>
                <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(item.receivedAt)}</td>
                <td className="py-2 pr-3">
                  {item.from ?? 'onbekend'}
                  <span className={`block text-xs ${item.verified ? 'text-green-800' : 'text-amber-800'}`}>
                    {item.verified ? 'geverifieerd' : 'niet geverifieerd'}
                  </span>
                </td>
                <td className="py-2 pr-3">
                  <Link href={`/postvak/${item.id}`} className="text-brand-700 underline">
                    {item.subject || '(geen onderwerp)'}
                  </Link>
                  {item.kenmerk && <span className="block text-xs text-slate-700">{item.kenmerk}</span>}
                </td>
                <td className="py-2 pr-3">
                  {STATE_LABELS[item.state]}
                  {item.reason && <span className="block text-xs text-slate-700">{item.reason}</span>}
                </td>
                <td className="py-2">
                  {item.resolution
                    ? `${RESOLUTION_LABELS[item.resolution]}${item.resolvedBy ? ` door ${item.resolvedBy}` : ''}`
                    : NEXT_ACTION_LABELS[item.nextAction]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Paginering" className="mt-4 flex items-center justify-between text-sm">
          {pagina > 1 ? (
            <Link href={pageHref(show, pagina - 1)} className="text-brand-700 underline">
              ‹ Vorige
            </Link>
          ) : (
            <span />
          )}
          <span>
            Pagina {pagina} van {pages} ({total} berichten)
          </span>
          {pagina < pages ? (
            <Link href={pageHref(show, pagina + 1)} className="text-brand-700 underline">
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
