import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getMailboxForEdit } from '@/lib/mailbox/get-mailbox-for-edit';
import { OUTGOING_KIND_LABELS } from '@/lib/melding/labels';
import { AdminForm } from '../../_shared/admin-form';
import { AdminHeading } from '../../_shared/admin-heading';
import { formatDateTime, tdClass, thClass } from '../../_shared/format';
import {
  markHandledAction,
  retryOutgoingAction,
  retryParkedAction,
  setMailboxActiveAction,
  testConnectionAction,
  updateMailboxAction,
} from '../actions';
import { ConnectionTest } from '../connection-test';
import { CreatedNotice } from '../created-notice';
import { holderLabel } from '../holder-label';
import { MailboxForm, type TMailboxFormValues } from '../mailbox-form';
import { getKetenZelftest } from '@/lib/zelftest/get-keten-zelftest';
import { ZelftestSection } from './zelftest-section';

export const metadata: Metadata = { title: 'Mailbox' };
export const dynamic = 'force-dynamic';

async function load(id: string, actor: Awaited<ReturnType<typeof auditActor>>) {
  try {
    return await getMailboxForEdit({ db: getDb(), actor, id });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  }
}

export default async function MailboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ aangemaakt?: string }>;
}) {
  const user = await requireUser(['BEHEERDER']);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const { mailbox: mb, parked, failedOutgoing } = await load(id.data, await auditActor(user));
  const zelftest = await getKetenZelftest({ db: getDb(), mailboxId: mb.id });
  const values: TMailboxFormValues = {
    ...mb,
    authType: mb.authType,
    authenticityPolicy: mb.authenticityPolicy,
    otherMailAction: mb.otherMailAction,
  };
  return (
    <section className="space-y-8">
      <AdminHeading title={`Mailbox ${mb.name}`} back={{ href: '/beheer/mailboxen', label: 'Mailboxen' }}>
        <CreatedNotice created={Boolean((await searchParams).aangemaakt)} />
        <p>
          {mb.active ? 'Ingeschakeld' : 'Uitgeschakeld'} · verwerking: {holderLabel(mb.holder)} · laatst
          gesynchroniseerd: {formatDateTime(mb.lastSyncAt)}
          {mb.lastError && mb.lastErrorAt && (
            <>
              {' '}
              · laatste fout ({formatDateTime(mb.lastErrorAt)}): {mb.lastError}
            </>
          )}
        </p>
      </AdminHeading>

      <div className="flex flex-wrap items-start gap-6">
        <ConnectionTest action={testConnectionAction} id={mb.id} />
        <AdminForm
          action={setMailboxActiveAction}
          hidden={{ id: mb.id, active: String(!mb.active) }}
          submitLabel={mb.active ? 'Mailbox uitschakelen' : 'Mailbox inschakelen'}
          danger={mb.active}
          confirm={
            mb.active
              ? 'Mailbox uitschakelen? Er komen dan geen meldingen meer binnen via deze mailbox.'
              : undefined
          }
        />
      </div>

      <ZelftestSection mailboxId={mb.id} fromAddress={mb.fromAddress} test={zelftest} />

      <section aria-labelledby="geparkeerd">
        <h2 id="geparkeerd" className="text-lg font-semibold">
          Geparkeerde berichten ({parked.length})
        </h2>
        <p className="text-sm text-slate-700">
          Berichten die na herhaalde pogingen niet verwerkt konden worden. Herstel eerst de oorzaak, bied ze
          dan opnieuw aan, of markeer ze als handmatig afgehandeld.
        </p>
        {parked.length > 0 && (
          <table className="mt-2 w-full border-collapse bg-white text-sm">
            <thead className="bg-slate-100">
              <tr>
                {['Ontvangen', 'Onderwerp', 'Afzender', 'Pogingen', 'Fout', 'Acties'].map((h) => (
                  <th key={h} scope="col" className={thClass}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {parked.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  <td className={tdClass}>{formatDateTime(p.receivedAt)}</td>
                  <td className={tdClass}>{p.subject ?? '—'}</td>
                  <td className={tdClass}>{p.fromAddress ?? '—'}</td>
                  <td className={tdClass}>{p.attempts}</td>
                  <td className={tdClass}>{p.error ?? '—'}</td>
                  <td className={`${tdClass} space-y-2`}>
                    <AdminForm
                      action={retryParkedAction}
                      hidden={{ id: p.id, mailboxId: mb.id }}
                      submitLabel="Opnieuw aanbieden"
                    />
                    <AdminForm
                      action={markHandledAction}
                      hidden={{ id: p.id, mailboxId: mb.id }}
                      submitLabel="Afgehandeld"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="uitgaand">
        <h2 id="uitgaand" className="text-lg font-semibold">
          Niet verstuurde mail ({failedOutgoing.length})
        </h2>
        {failedOutgoing.length > 0 && (
          <table className="mt-2 w-full border-collapse bg-white text-sm">
            <thead className="bg-slate-100">
              <tr>
                {['Aangemaakt', 'Soort', 'Aan', 'Onderwerp', 'Status', 'Fout', 'Actie'].map((h) => (
                  <th key={h} scope="col" className={thClass}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {failedOutgoing.map((m) => (
                <tr key={m.id} className="border-t border-slate-200">
                  <td className={tdClass}>{formatDateTime(m.createdAt)}</td>
                  <td className={tdClass}>{OUTGOING_KIND_LABELS[m.kind]}</td>
                  <td className={tdClass}>{m.recipient}</td>
                  <td className={tdClass}>{m.subject}</td>
                  <td className={tdClass}>
                    {m.state === 'BOUNCED' ? 'Onbestelbaar' : `Mislukt na ${m.attempts} pogingen`}
                  </td>
                  <td className={tdClass}>{m.lastError ?? '—'}</td>
                  <td className={tdClass}>
                    <AdminForm
                      action={retryOutgoingAction}
                      hidden={{ id: m.id, mailboxId: mb.id }}
                      submitLabel="Opnieuw versturen"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="instellingen">
        <h2 id="instellingen" className="mb-2 text-lg font-semibold">
          Instellingen
        </h2>
        <MailboxForm action={updateMailboxAction} values={values} />
      </section>
    </section>
  );
}
