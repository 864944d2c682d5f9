import Link from 'next/link';
import { getDb } from '@/lib/db/client';
import { listAndereMeldpunten } from '@/lib/server/list-andere-meldpunten';
import { ActionForm } from './action-form';
import { doorsturenAction } from './doorsturen-actions';

const field = 'mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm';

/**
 * Doorsturen naar een ander meldpunt (uitkomst DOORGESTUURD), for an open melding; opened by
 * default when the melding lies outside the werkgebied. Self-contained: loads the meldpunten list.
 */
export async function DoorsturenForm({ m }: { m: { id: string; status: string; buitenWerkgebied: boolean } }) {
  if (m.status === 'AFGEROND') return null;
  const meldpunten = await listAndereMeldpunten({ db: getDb() });
  return (
    <details open={m.buitenWerkgebied} className="rounded border border-slate-200 bg-white">
      <summary className="cursor-pointer px-3 py-2 font-medium">Doorsturen naar ander meldpunt</summary>
      <div className="border-t border-slate-200 p-3">
        {m.buitenWerkgebied && <p className="mb-2 text-sm">Deze melding ligt buiten het werkgebied.</p>}
        {meldpunten.length === 0 ? (
          <p className="text-sm text-slate-700">
            Er zijn nog geen andere meldpunten ingesteld; een beheerder voegt ze toe onder Beheer → <Link href="/beheer/werkgebied" className="text-brand-700 underline">Werkgebied</Link>.
          </p>
        ) : (
          <ActionForm action={doorsturenAction} meldingId={m.id} submitLabel="Doorsturen en afronden" className="space-y-2">
            <label htmlFor="anderMeldpuntId" className="block text-sm font-medium">Meldpunt</label>
            <select id="anderMeldpuntId" name="anderMeldpuntId" required defaultValue="" className={field}>
              <option value="" disabled>Kies een meldpunt</option>
              {meldpunten.map((mp) => <option key={mp.id} value={mp.id}>{mp.naam} ({mp.email})</option>)}
            </select>
            <label htmlFor="doorsturen-toelichting" className="block text-sm font-medium">Toelichting (gaat mee in de mail)</label>
            <textarea id="doorsturen-toelichting" name="toelichting" rows={3} maxLength={2000} className={field} />
            <p className="text-sm text-slate-600">Het oorspronkelijke meldformulier wordt bijgevoegd. De melding wordt afgerond met uitkomst ‘Doorgestuurd’.</p>
          </ActionForm>
        )}
      </div>
    </details>
  );
}
