import type { Metadata } from 'next';
import { STATE_LABELS, type TInboundStateCode } from '@/lib/ingest/inbound-codes';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings/get-settings';
import { listMailboxStatus } from '@/lib/mailbox/list-mailbox-status';
import { AdminHeading } from '../_shared/admin-heading';
import { formatDateTime, tdClass, thClass } from '../_shared/format';
import { alertText } from './alert-text';
import { holderLabel } from './holder-label';

export const metadata: Metadata = { title: 'Mailboxen' };
export const dynamic = 'force-dynamic';

export default async function MailboxesPage() {
  const user = await requireUser(['BEHEERDER']);
  const db = getDb();
  const [mailboxes, settings] = await Promise.all([
    listMailboxStatus({ db, actor: await auditActor(user) }),
    getSettings({ db }),
  ]);
  const alerts = mailboxes.flatMap((mb) =>
    mb.alerts.map((a) => ({ key: `${mb.id}-${a}`, text: alertText(a, mb, settings.syncAlarmMinuten) })),
  );
  return (
    <section>
      <AdminHeading title="Mailboxen">
        De mailboxen waarin de politie meldingen aanlevert, met hun status.
      </AdminHeading>
      {alerts.length > 0 && (
        <div role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <ul className="list-disc pl-5">
            {alerts.map((a) => (
              <li key={a.key}>{a.text}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="mb-4">
        <Link
          href="/beheer/mailboxen/nieuw"
          className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Nieuwe mailbox
        </Link>
      </p>
      {mailboxes.length === 0 ? (
        <p>Er is nog geen mailbox ingesteld. Zonder mailbox komen er geen meldingen binnen.</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Mailboxen en hun status</caption>
          <thead className="bg-slate-100">
            <tr>
              {[
                'Naam',
                'Status',
                'Verwerking',
                'Laatst gesynchroniseerd',
                'Wachtrij',
                'Geparkeerd',
                'Uitgaand mislukt',
              ].map((h) => (
                <th key={h} scope="col" className={thClass}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {mailboxes.map((mb) => (
              <tr key={mb.id} className="border-t border-slate-200">
                <th scope="row" className={`${tdClass} text-left font-medium`}>
                  <Link href={`/beheer/mailboxen/${mb.id}`} className="text-brand-700 underline">
                    {mb.name}
                  </Link>
                </th>
                <td className={tdClass}>
                  {!mb.active ? (
                    'Uitgeschakeld'
                  ) : mb.alerts.length ? (
                    <span className="font-medium text-red-800">Let op</span>
                  ) : (
                    'In orde'
                  )}
                </td>
                <td className={tdClass}>{holderLabel(mb.holder)}</td>
                <td className={tdClass}>{formatDateTime(mb.lastSyncAt)}</td>
                <td className={tdClass}>{mb.backlog}</td>
                <td className={tdClass}>{mb.parked}</td>
                <td className={tdClass}>{mb.failedOutgoing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mailboxes.length > 0 && (
        <div>
          <h2 className="mt-6 text-lg font-semibold">Berichten per status</h2>
          <p className="text-sm text-slate-700">
            Alle berichten in het ontvangstlogboek. Wat op actie wacht staat in het{' '}
            <Link href="/postvak" className="text-brand-700 underline">
              postvak
            </Link>
            .
          </p>
          <table className="mt-2 text-sm">
            <caption className="sr-only">Aantal berichten per status en mailbox</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Status
                </th>
                {mailboxes.map((mb) => (
                  <th key={mb.id} scope="col" className={thClass}>
                    {mb.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(Object.keys(STATE_LABELS) as TInboundStateCode[])
                .filter((code) => mailboxes.some((mb) => mb.perState[code]))
                .map((code) => (
                  <tr key={code} className="border-t border-slate-200">
                    <th scope="row" className={`${tdClass} text-left font-normal`}>
                      {STATE_LABELS[code]} <code className="text-xs text-slate-600">{code}</code>
                    </th>
                    {mailboxes.map((mb) => (
                      <td key={mb.id} className={tdClass}>
                        {mb.perState[code] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
