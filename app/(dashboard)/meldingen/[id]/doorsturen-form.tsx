import Link from 'next/link';
import { DOORSTUUR_REDEN_LABELS } from '@/lib/mail/doorsturen';
import { ActionForm } from './action-form';
import { field } from './field-style';
import { Panel } from './panel';
import { doorsturenAction } from './protocol-actions';

/**
 * Doorsturen naar een ander meldpunt of loket (uitkomst DOORGESTUURD), for an open melding; opened
 * by default when the melding lies outside the werkgebied. Staff choose the reason (the mail is
 * written from it), what goes along, and whether the officer is told where it went (bericht 2).
 */
export function DoorsturenForm({
  m,
  meldpunten,
  attachments,
  officerAddress,
}: {
  m: { id: string; buitenWerkgebied: boolean };
  meldpunten: { id: string; naam: string; email: string }[];
  attachments: { id: string; filename: string; isForm: boolean }[];
  officerAddress: string | null;
}) {
  const hasForm = attachments.some((a) => a.isForm);
  const others = attachments.filter((a) => !a.isForm);
  return (
    <Panel title="Doorsturen naar ander meldpunt of loket" defaultOpen={m.buitenWerkgebied}>
      {m.buitenWerkgebied && <p className="mb-2 text-sm">Deze melding ligt buiten het werkgebied.</p>}
      {meldpunten.length === 0 ? (
        <p className="text-sm text-slate-700">
          Er zijn nog geen andere meldpunten of loketten ingesteld; een beheerder voegt ze toe onder Beheer →{' '}
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
            Naar
          </label>
          <select id="anderMeldpuntId" name="anderMeldpuntId" required defaultValue="" className={field}>
            <option value="" disabled>
              Kies een meldpunt of loket
            </option>
            {meldpunten.map((mp) => (
              <option key={mp.id} value={mp.id}>
                {mp.naam} ({mp.email})
              </option>
            ))}
          </select>
          <label htmlFor="doorsturen-reden" className="block text-sm font-medium">
            Reden
          </label>
          <select
            id="doorsturen-reden"
            name="reden"
            required
            defaultValue={m.buitenWerkgebied ? 'BUITEN_WERKGEBIED' : ''}
            className={field}
          >
            <option value="" disabled>
              Kies een reden
            </option>
            {Object.entries(DOORSTUUR_REDEN_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor="doorsturen-toelichting" className="block text-sm font-medium">
            Toelichting (gaat mee in de mail; verplicht bij ‘anders’)
          </label>
          <textarea
            id="doorsturen-toelichting"
            name="toelichting"
            rows={3}
            maxLength={2000}
            className={field}
          />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Wat gaat mee</legend>
            {hasForm && (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="includeForm" defaultChecked className="h-4 w-4" />
                Het oorspronkelijke meldformulier van de politie
              </label>
            )}
            {others.map((a) => (
              <label key={a.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="attachmentIds" value={a.id} className="h-4 w-4" />
                {a.filename}
              </label>
            ))}
            <p className="text-xs text-slate-600">
              Stuur niet meer politiegegevens mee dan de ontvanger nodig heeft (Wet politiegegevens).
            </p>
          </fieldset>
          {officerAddress ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="notifyOfficer" defaultChecked className="h-4 w-4" />
              De behandelaar ({officerAddress}) laten weten waarheen de melding is doorgestuurd
            </label>
          ) : (
            <p className="text-sm text-slate-700">
              Het formulier bevat geen e-mailadres van de behandelaar; laat hem zo nodig telefonisch weten
              waarheen de melding ging.
            </p>
          )}
          <p className="text-sm text-slate-600">De melding wordt afgerond met uitkomst ‘Doorgestuurd’.</p>
        </ActionForm>
      )}
    </Panel>
  );
}
