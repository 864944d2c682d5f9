'use client';

import { useState } from 'react';
import { ActionForm } from './action-form';
import { field } from './field-style';
import { closeAction } from './protocol-actions';

/**
 * Afronden with an uitkomst; for "toegeleid" and "geen vervolg" staff may send the terugkoppeling
 * to the officer (handreiking §3.8) — opt-in, from the template, editable before it goes.
 */
export function CloseForm({
  meldingId,
  recipient,
  terugkoppeling,
}: {
  meldingId: string;
  recipient: string | null;
  terugkoppeling: { subject: string; body: string };
}) {
  const [uitkomst, setUitkomst] = useState('');
  const [send, setSend] = useState(false);
  const mayFeedBack = (uitkomst === 'TOEGELEID' || uitkomst === 'GEEN_VERVOLG') && recipient;
  return (
    <ActionForm action={closeAction} meldingId={meldingId} submitLabel="Melding afronden">
      <div>
        <label htmlFor="close-uitkomst" className="block text-sm font-medium">
          Uitkomst
        </label>
        <select
          id="close-uitkomst"
          name="uitkomst"
          required
          value={uitkomst}
          onChange={(e) => setUitkomst(e.target.value)}
          className={field}
        >
          <option value="" disabled>
            Kies een uitkomst
          </option>
          <option value="TOEGELEID">Toegeleid naar zorg</option>
          <option value="GEEN_VERVOLG">Geen vervolg</option>
          <option value="DOORGESTUURD">Doorgestuurd naar ander meldpunt</option>
        </select>
      </div>
      {uitkomst === 'DOORGESTUURD' && (
        <div>
          <label htmlFor="close-loket" className="block text-sm font-medium">
            Meldpunt waarnaar is doorgestuurd
          </label>
          <input id="close-loket" name="loketAdvies" required className={field} />
        </div>
      )}
      <div>
        <label htmlFor="toelichting" className="block text-sm font-medium">
          Toelichting (intern)
        </label>
        <textarea id="toelichting" name="toelichting" rows={2} className={field} />
      </div>
      {mayFeedBack && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="sendTerugkoppeling"
            checked={send}
            onChange={(e) => setSend(e.target.checked)}
            className="h-4 w-4"
          />
          Terugkoppeling mailen aan de behandelaar ({recipient})
        </label>
      )}
      {mayFeedBack && send && (
        <div>
          <p className="text-sm">
            <span className="font-medium">Onderwerp:</span> {terugkoppeling.subject}
          </p>
          <label htmlFor="terugkoppeling-body" className="mt-1 block text-sm font-medium">
            Tekst van de terugkoppeling (geen medische of persoonlijke details)
          </label>
          <textarea
            id="terugkoppeling-body"
            name="terugkoppelingBody"
            rows={8}
            defaultValue={terugkoppeling.body}
            className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 font-mono text-sm"
          />
        </div>
      )}
    </ActionForm>
  );
}
