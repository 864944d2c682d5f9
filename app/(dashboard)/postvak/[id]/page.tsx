import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { auditActor } from '@/lib/web/request-origin';
import { requireUser } from '@/lib/web/require-user';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { getQueueItem } from '@/lib/ingest/get-queue-item';
import { NEXT_ACTION_LABELS, RESOLUTION_LABELS, STATE_LABELS } from '@/lib/ingest/inbound-codes';
import { formatDateTime } from '../../meldingen/format';
import { handledAction, linkAction, rejectAction, releaseAction, reprocessAction } from '../actions';
import { QueueActionForm } from '../queue-action-form';
import { ReviewFormButton } from '../review-form-button';

export const metadata: Metadata = { title: 'Bericht in het postvak' };
export const dynamic = 'force-dynamic';

const input = 'mt-1 block w-full rounded border border-slate-400 px-2 py-1 text-sm';

function Verdict({ item }: { item: Awaited<ReturnType<typeof getQueueItem>> }) {
  if (item.releasedBy) return <p className="text-green-800">Handmatig vrijgegeven door {item.releasedBy}</p>;
  if (item.verdict === 'pass')
    return <p className="text-green-800">Geverifieerd: DKIM en DMARC kloppen voor een vertrouwd domein.</p>;
  return (
    <p className="text-amber-800">
      Niet geverifieerd{item.verdictReason ? `: ${item.verdictReason}` : ''}
      {item.policy === 'ENFORCE'
        ? ' De mailbox dwingt echtheid af: zonder controle door een medewerker wordt dit bericht niet verwerkt.'
        : ' De mailbox controleert alleen: het bericht is wel verwerkt.'}
    </p>
  );
}

export default async function QueueItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(['MEDEWERKER', 'BEHEERDER']);
  const { id } = await params;
  const item = await getQueueItem({ db: getDb(), actor: await auditActor(user), id }).catch(
    (err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') notFound();
      throw err;
    },
  );
  const open = !item.resolution && item.nextAction !== 'none' && item.nextAction !== 'wait';
  const medewerker = user.role === 'MEDEWERKER';
  return (
    <section className="space-y-6">
      <p>
        <Link href="/postvak" className="text-sm text-brand-700 underline">
          ← Terug naar het postvak
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{item.subject || '(geen onderwerp)'}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Ontvangen</dt>
        <dd>
          {formatDateTime(item.receivedAt)} in {item.mailbox}
        </dd>
        <dt className="font-medium">Afzender</dt>
        <dd>
          {item.from ?? 'onbekend'}
          <Verdict item={item} />
        </dd>
        <dt className="font-medium">Kenmerk</dt>
        <dd>{item.kenmerk ?? '—'}</dd>
        <dt className="font-medium">Status</dt>
        <dd data-testid="queue-state">{STATE_LABELS[item.state]}</dd>
        <dt className="font-medium">Reden</dt>
        <dd>{item.reason ?? '—'}</dd>
        <dt className="font-medium">Volgende stap</dt>
        <dd>
          {item.resolution
            ? `${RESOLUTION_LABELS[item.resolution]}${item.resolvedBy ? ` door ${item.resolvedBy}` : ''}${item.resolvedAt ? ` op ${formatDateTime(item.resolvedAt)}` : ''}${item.resolutionNote ? ` — ${item.resolutionNote}` : ''}`
            : NEXT_ACTION_LABELS[item.nextAction]}
        </dd>
        {item.meldingId && medewerker && (
          <>
            <dt className="font-medium">Melding</dt>
            <dd>
              <Link href={`/meldingen/${item.meldingId}`} className="text-brand-700 underline">
                Naar de melding
              </Link>
            </dd>
          </>
        )}
      </dl>

      {open && (
        <div className="grid gap-3 md:grid-cols-2">
          {item.state === 'quarantined' && (
            <>
              <QueueActionForm
                action={releaseAction}
                id={item.id}
                title="Vrijgeven"
                submitLabel="Vrijgeven en verwerken"
                reasonLabel="Hoe is de echtheid nagegaan? (bijv. gebeld met de politie)"
              />
              <QueueActionForm
                action={rejectAction}
                id={item.id}
                title="Afwijzen (er gaat geen signaal uit)"
                submitLabel="Afwijzen"
                reasonLabel="Waarom afwijzen?"
                danger
              />
            </>
          )}
          {medewerker && !item.meldingId && <ReviewFormButton id={item.id} />}
          {medewerker && (
            <QueueActionForm
              action={linkAction}
              id={item.id}
              title="Koppelen aan een bestaande melding"
              submitLabel="Koppelen"
              reasonLabel="Waarom bij deze melding?"
            >
              <label className="block text-sm">
                Kenmerk van de melding
                <input name="kenmerk" required className={input} defaultValue={item.kenmerk ?? ''} />
              </label>
              <label className="block text-sm">
                Koppelen als
                <select name="als" className={input} defaultValue="reactie">
                  <option value="reactie">reactie (op de tijdlijn van de melding, met de bijlagen)</option>
                  <option value="bijlagen">alleen de bijlagen (bij de stukken van de melding)</option>
                </select>
              </label>
              <p className="text-xs text-slate-700">
                Als nieuwe versie van het formulier: kies hierboven &ldquo;Formulier uitlezen en
                controleren&rdquo;.
              </p>
            </QueueActionForm>
          )}
          <QueueActionForm
            action={reprocessAction}
            id={item.id}
            title="Opnieuw verwerken (na een aanpassing van de instellingen of de software)"
            submitLabel="Opnieuw verwerken"
            reasonLabel="Waarom opnieuw?"
          />
          <QueueActionForm
            action={handledAction}
            id={item.id}
            title="Afhandelen"
            submitLabel="Markeren als afgehandeld"
            reasonLabel="Hoe is het afgehandeld? (bijv. telefonisch opgelost met de politie)"
          />
        </div>
      )}

      <div>
        <h2 className="text-lg font-semibold">De mail</h2>
        {item.mail ? (
          <div className="mt-2 space-y-2 text-sm">
            <p>
              Van: {item.mail.from ?? '—'} · Aan: {item.mail.to ?? '—'}
            </p>
            <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans">
              {item.mail.text ?? '(geen tekst)'}
            </pre>
            {item.mail.html && (
              <details>
                <summary className="cursor-pointer text-brand-700 underline">
                  Opgemaakte versie tonen (veilig weergegeven, zonder externe inhoud)
                </summary>
                <iframe
                  title="Opgemaakte versie van de e-mail"
                  sandbox=""
                  srcDoc={item.mail.html}
                  referrerPolicy="no-referrer"
                  className="mt-2 h-80 w-full rounded border border-slate-300 bg-white"
                />
              </details>
            )}
          </div>
        ) : (
          <p className="mt-2 text-sm">De inhoud van deze mail is niet (meer) beschikbaar of niet leesbaar.</p>
        )}
        {item.attachments.length > 0 && (
          <ul className="mt-3 text-sm">
            {item.attachments.map((a) => (
              <li key={a.index}>
                <a href={`/postvak/${item.id}/bijlage/${a.index}`} className="text-brand-700 underline">
                  {a.filename}
                </a>{' '}
                <span className="text-slate-700">
                  ({a.contentType}, {Math.ceil(a.size / 1024)} kB, downloaden)
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
