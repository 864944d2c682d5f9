import Link from 'next/link';
import { ActionForm } from './action-form';
import { doorsturenAction } from './actions';
import { field } from './actions-panel';
import { Panel } from './panel';

/**
 * Doorsturen naar een ander meldpunt (uitkomst DOORGESTUURD), for an open melding; opened by
 * default when the melding lies outside the werkgebied.
 */
export function DoorsturenForm({
  m,
  meldpunten,
}: {
  m: { id: string; buitenWerkgebied: boolean };
  meldpunten: { id: string; naam: string; email: string }[];
}) {
  return (
    <Panel title="Doorsturen naar ander meldpunt" defaultOpen={m.buitenWerkgebied}>
      {m.buitenWerkgebied && <p className="mb-2 text-sm">Deze melding ligt buiten het werkgebied.</p>}
      {meldpunten.length === 0 ? (
        <p className="text-sm text-slate-700">
          Er zijn nog geen andere meldpunten ingesteld; een beheerder voegt ze toe onder Beheer →{' '}
          <Link href="/beheer/werkgebied" className="text-brand-700 underline">
            Werkgebied
          </Link>
          .
        </p>
      ) : (
        <ActionForm
          action={doorsturenAction}
          meldingId={m.id}
          submitLabel="Doorsturen en afronden"
          className="space-y-2"
        >
          <label htmlFor="anderMeldpuntId" className="block text-sm font-medium">
            Meldpunt
          </label>
          <select id="anderMeldpuntId" name="anderMeldpuntId" required defaultValue="" className={field}>
            <option value="" disabled>
              Kies een meldpunt
            </option>
            {meldpunten.map((mp) => (
              <option key={mp.id} value={mp.id}>
                {mp.naam} ({mp.email})
              </option>
            ))}
          </select>
          <label htmlFor="doorsturen-toelichting" className="block text-sm font-medium">
            Toelichting (gaat mee in de mail)
          </label>
          <textarea
            id="doorsturen-toelichting"
            name="toelichting"
            rows={3}
            maxLength={2000}
            className={field}
          />
          <p className="text-sm text-slate-600">
            Het oorspronkelijke meldformulier wordt bijgevoegd. De melding wordt afgerond met uitkomst
            ‘Doorgestuurd’.
          </p>
        </ActionForm>
      )}
    </Panel>
  );
}
