import type { Metadata } from 'next';
import Link from 'next/link';
import { auditActor, requireUser } from '@/lib/auth/require-user';
import { getDb } from '@/lib/db/client';
import { planRetention } from '@/lib/server/plan-retention';
import { AdminForm } from '../_shared/admin-form';
import { AdminHeading } from '../_shared/admin-heading';
import { formatDateTime, inputClass, labelClass, tdClass, thClass } from '../_shared/format';
import { runRetentionAction, setBewaartermijnAction } from './actions';

export const metadata: Metadata = { title: 'Bewaartermijn' };
export const dynamic = 'force-dynamic';

const STATUS: Record<string, string> = { ONTVANGEN: 'Ontvangen', IN_BEHANDELING: 'In behandeling', AANVULLING_GEVRAAGD: 'Aanvulling gevraagd', AFGEROND: 'Afgerond (zonder datum)' };
const UITKOMST: Record<string, string> = { TOEGELEID: 'Toegeleid', GEEN_VERVOLG: 'Geen vervolg', NIET_IN_BEHANDELING: 'Niet in behandeling', DOORGESTUURD: 'Doorgestuurd' };

export default async function BewaartermijnPage() {
  const user = await requireUser(['BEHEERDER']);
  const plan = await planRetention({ db: getDb(), actor: await auditActor(user) });
  return (
    <section>
      <AdminHeading title="Bewaartermijn">
        Persoonsgegevens van een afgeronde melding worden na de bewaartermijn verwijderd: formulier, bijlagen, e-mails, notities en beoordelingen,
        ook uit de mailbox. Wat overblijft is een anoniem statistisch gegeven (periode, gemeente, politie-eenheid, uitkomst, doorlooptijden). Dit gebeurt
        elke dag automatisch; u kunt het hier ook meteen laten uitvoeren.
        <p className="mt-2">
          Een verzoek om inzage of verwijdering van één persoon? Zie <Link href="/beheer/personen" className="text-brand-700 underline">Rechten van betrokkenen</Link>.
        </p>
      </AdminHeading>

      <section aria-labelledby="termijn" className="mb-6 rounded border border-slate-200 bg-white p-4">
        <h2 id="termijn" className="text-lg font-semibold">Termijn</h2>
        <AdminForm action={setBewaartermijnAction} submitLabel="Opslaan" className="mt-2 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="bewaartermijnMaanden" className={labelClass}>Maanden na afronden</label>
            <input id="bewaartermijnMaanden" name="bewaartermijnMaanden" type="number" min={1} max={120} required defaultValue={plan.termMaanden} className={`${inputClass} w-32`} />
          </div>
        </AdminForm>
      </section>

      <section aria-labelledby="proefrun" className="mb-6 rounded border border-slate-200 bg-white p-4">
        <h2 id="proefrun" className="text-lg font-semibold">Wat de volgende run verwijdert</h2>
        <p className="mt-1 text-sm text-slate-700">Meldingen afgerond vóór {formatDateTime(plan.cutoff)}.</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Meldingen</dt><dd>{plan.meldingen.length}</dd>
          <dt className="font-medium">Losse berichten</dt><dd>{plan.losseBerichten} <span className="text-slate-600">(foutmeldingen en overige mail zonder melding)</span></dd>
          <dt className="font-medium">Nog uit mailbox te verwijderen</dt><dd>{plan.openstaandInMailbox}</dd>
        </dl>
        {plan.meldingen.length > 0 && (
          <table className="mt-4 w-full border-collapse text-sm">
            <caption className="sr-only">Meldingen die de volgende run verwijdert</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Kenmerk</th>
                <th scope="col" className={thClass}>Afgerond</th>
                <th scope="col" className={thClass}>Uitkomst</th>
              </tr>
            </thead>
            <tbody>
              {plan.meldingen.map((m) => (
                <tr key={m.id} className="border-t border-slate-200">
                  <td className={tdClass}>{m.kenmerk}</td>
                  <td className={tdClass}>{formatDateTime(m.closedAt)}</td>
                  <td className={tdClass}>{m.uitkomst ? UITKOMST[m.uitkomst] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="mt-4">
          <AdminForm action={runRetentionAction} submitLabel="Nu uitvoeren" danger confirm={`${plan.meldingen.length} melding(en) en ${plan.losseBerichten} los(se) bericht(en) definitief verwijderen?`} />
        </div>
      </section>

      <section aria-labelledby="open" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="open" className="text-lg font-semibold">Niet afgerond, ouder dan de termijn</h2>
        <p className="mt-1 text-sm text-slate-700">
          Deze meldingen zijn langer dan {plan.termMaanden} maanden geleden ontvangen maar nooit afgerond. Ze worden niet verwijderd: laat een medewerker ze
          afronden, dan vallen ze daarna onder de bewaartermijn.
        </p>
        {plan.nietAfgesloten.length === 0 ? (
          <p className="mt-3 text-sm">Geen.</p>
        ) : (
          <table className="mt-3 w-full border-collapse text-sm">
            <caption className="sr-only">Niet afgeronde meldingen ouder dan de bewaartermijn</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={thClass}>Kenmerk</th>
                <th scope="col" className={thClass}>Ontvangen</th>
                <th scope="col" className={thClass}>Status</th>
              </tr>
            </thead>
            <tbody>
              {plan.nietAfgesloten.map((m) => (
                <tr key={m.id} className="border-t border-slate-200">
                  <td className={tdClass}>{m.kenmerk}</td>
                  <td className={tdClass}>{formatDateTime(m.receivedAt)}</td>
                  <td className={tdClass}>{STATUS[m.status] ?? m.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
