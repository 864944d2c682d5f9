import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/web/require-user';
import { auditActor } from '@/lib/web/request-origin';
import { getDb } from '@/lib/db/client';
import { planRetention } from '@/lib/retention/plan-retention';
import { AdminForm } from '../_shared/admin-form';
import { AdminHeading } from '../_shared/admin-heading';
import { STATUS_LABELS, UITKOMST_LABELS } from '@/lib/melding/labels';
import { formatDateTime, inputClass, labelClass } from '../_shared/format';
import { runRetentionAction, setBewaartermijnAction } from './actions';
import { KenmerkTable } from './kenmerk-table';

export const metadata: Metadata = { title: 'Bewaartermijn' };
export const dynamic = 'force-dynamic';

export default async function BewaartermijnPage() {
  const user = await requireUser(['BEHEERDER']);
  const plan = await planRetention({ db: getDb(), actor: await auditActor(user) });
  return (
    <section>
      <AdminHeading title="Bewaartermijn">
        Persoonsgegevens van een afgeronde melding worden na de bewaartermijn verwijderd: formulier, bijlagen,
        e-mails, notities en beoordelingen, ook uit de mailbox. Wat overblijft is een anoniem statistisch
        gegeven (periode, gemeente, politie-eenheid, uitkomst, doorlooptijden). Dit gebeurt elke dag
        automatisch; u kunt het hier ook meteen laten uitvoeren.
        <p className="mt-2">
          Een verzoek om inzage of verwijdering van één persoon? Zie{' '}
          <Link href="/beheer/personen" className="text-brand-700 underline">
            Rechten van betrokkenen
          </Link>
          .
        </p>
      </AdminHeading>

      <section aria-labelledby="termijn" className="mb-6 rounded border border-slate-200 bg-white p-4">
        <h2 id="termijn" className="text-lg font-semibold">
          Termijn
        </h2>
        <AdminForm
          action={setBewaartermijnAction}
          submitLabel="Opslaan"
          className="mt-2 flex flex-wrap items-end gap-3"
        >
          <div>
            <label htmlFor="bewaartermijnMaanden" className={labelClass}>
              Maanden na afronden
            </label>
            <input
              id="bewaartermijnMaanden"
              name="bewaartermijnMaanden"
              type="number"
              min={1}
              max={120}
              required
              defaultValue={plan.termMaanden}
              className={`${inputClass} w-32`}
            />
          </div>
        </AdminForm>
      </section>

      <section aria-labelledby="proefrun" className="mb-6 rounded border border-slate-200 bg-white p-4">
        <h2 id="proefrun" className="text-lg font-semibold">
          Wat de volgende run verwijdert
        </h2>
        <p className="mt-1 text-sm text-slate-700">Meldingen afgerond vóór {formatDateTime(plan.cutoff)}.</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Meldingen</dt>
          <dd>{plan.meldingen.length}</dd>
          <dt className="font-medium">Losse berichten</dt>
          <dd>
            {plan.losseBerichten}{' '}
            <span className="text-slate-600">(foutmeldingen en overige mail zonder melding)</span>
          </dd>
          <dt className="font-medium">Kopieën in de map Verzonden</dt>
          <dd>
            {plan.kopieenInVerzonden}{' '}
            <span className="text-slate-600">(door meldpost verstuurde mail over deze meldingen)</span>
          </dd>
          <dt className="font-medium">Nog uit mailbox te verwijderen</dt>
          <dd>{plan.openstaandInMailbox}</dd>
        </dl>
        {plan.meldingen.length > 0 && (
          <KenmerkTable
            caption="Meldingen die de volgende run verwijdert"
            columns={['Afgerond', 'Uitkomst']}
            rows={plan.meldingen.map((m) => ({
              id: m.id,
              kenmerk: m.kenmerk,
              cells: [formatDateTime(m.closedAt), m.uitkomst ? UITKOMST_LABELS[m.uitkomst] : '—'],
            }))}
          />
        )}
        <div className="mt-4">
          <AdminForm
            action={runRetentionAction}
            submitLabel="Nu uitvoeren"
            danger
            confirm={`${plan.meldingen.length} melding(en) en ${plan.losseBerichten} los(se) bericht(en) definitief verwijderen?`}
          />
        </div>
      </section>

      <section aria-labelledby="open" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="open" className="text-lg font-semibold">
          Niet afgerond, ouder dan de termijn
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Deze meldingen zijn langer dan {plan.termMaanden} maanden geleden ontvangen maar nooit afgerond. Ze
          worden niet verwijderd: laat een medewerker ze afronden, dan vallen ze daarna onder de
          bewaartermijn.
        </p>
        {plan.nietAfgesloten.length === 0 ? (
          <p className="mt-3 text-sm">Geen.</p>
        ) : (
          <KenmerkTable
            caption="Niet afgeronde meldingen ouder dan de bewaartermijn"
            columns={['Ontvangen', 'Status']}
            rows={plan.nietAfgesloten.map((m) => ({
              id: m.id,
              kenmerk: m.kenmerk,
              cells: [
                formatDateTime(m.receivedAt),
                m.status === 'AFGEROND' ? 'Afgerond zonder datum' : STATUS_LABELS[m.status],
              ],
            }))}
          />
        )}
      </section>
    </section>
  );
}
