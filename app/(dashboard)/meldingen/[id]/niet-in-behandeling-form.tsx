'use client';

import { useActionState, useState } from 'react';
import { afstemmingZin } from '@/lib/mail/afstemming';
import { renderMailTemplate } from '@/lib/mail/default-templates';
import { ActionMessage } from './action-form';
import { AfstemmingFields } from './afstemming-fields';
import { field } from './field-style';
import { MailPreview } from './mail-preview';
import { nietInBehandelingAction } from './protocol-actions';

type TContact = { id: string; at: Date; withWhom: string; kanaal: 'TELEFOON' | 'EMAIL' | 'ANDERS' };

/**
 * Niet in behandeling (bericht 2): the afstemming first (afspraak 1), then loket and reden; the
 * confirmation mail is optional (afspraak 2: "kan"), on by default when the form has an address.
 * The preview fills reden, loket and afstemming into the text exactly as sending will.
 */
export function NietInBehandelingForm({
  meldingId,
  recipient,
  subject,
  defaultBody,
  contacts,
}: {
  meldingId: string;
  recipient: string | null;
  subject: string;
  defaultBody: string;
  contacts: TContact[];
}) {
  const [state, formAction, pending] = useActionState(nietInBehandelingAction, null);
  const [afstemming, setAfstemming] = useState({
    contactMomentId: contacts[0]?.id ?? '',
    at: '',
    withWhom: '',
    kanaal: 'TELEFOON',
    outcome: '',
  });
  const [loket, setLoket] = useState('');
  const [reden, setReden] = useState('');
  const [sendMail, setSendMail] = useState(Boolean(recipient));
  const [body, setBody] = useState(defaultBody);
  const [preview, setPreview] = useState(false);
  const chosen = contacts.find((c) => c.id === afstemming.contactMomentId);
  const typedAt = afstemming.at ? new Date(afstemming.at) : null;
  const zin = chosen
    ? afstemmingZin(chosen)
    : typedAt && !Number.isNaN(typedAt.getTime()) && afstemming.withWhom
      ? afstemmingZin({
          at: typedAt,
          withWhom: afstemming.withWhom,
          kanaal: afstemming.kanaal as TContact['kanaal'],
        })
      : '';
  const finalBody = renderMailTemplate(body, { reden, loket, afstemming: zin });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="meldingId" value={meldingId} />
      <div hidden={preview} className="space-y-3">
        <AfstemmingFields contacts={contacts} value={afstemming} onChange={setAfstemming} />
        <div>
          <label htmlFor="loketAdvies" className="block text-sm font-medium">
            Geadviseerd loket
          </label>
          <input
            id="loketAdvies"
            name="loketAdvies"
            list="loketten"
            required
            value={loket}
            onChange={(e) => setLoket(e.target.value)}
            className={field}
          />
          <datalist id="loketten">
            <option value="Veilig Thuis" />
            <option value="Ander meldpunt" />
            <option value="Huisarts" />
            <option value="Wijkteam" />
          </datalist>
        </div>
        <div>
          <label htmlFor="nib-reden" className="block text-sm font-medium">
            Reden
          </label>
          <textarea
            id="nib-reden"
            name="reden"
            rows={2}
            required
            value={reden}
            onChange={(e) => setReden(e.target.value)}
            className={field}
          />
        </div>
        {recipient ? (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="sendMail"
              checked={sendMail}
              onChange={(e) => setSendMail(e.target.checked)}
              className="h-4 w-4"
            />
            Bevestiging mailen aan de behandelaar ({recipient})
          </label>
        ) : (
          <p className="text-sm text-slate-700">
            Het formulier bevat geen geldig e-mailadres van de behandelaar: de melding wordt afgerond zonder
            bevestigingsmail.
          </p>
        )}
        {sendMail && recipient && (
          <div>
            <label htmlFor="nib-body" className="block text-sm font-medium">
              Tekst van de mail (invulvelden tussen accolades worden ingevuld)
            </label>
            <textarea
              id="nib-body"
              name="body"
              rows={10}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 font-mono text-sm"
            />
          </div>
        )}
        <button
          type={sendMail && recipient ? 'button' : 'submit'}
          onClick={
            sendMail && recipient
              ? (e) => e.currentTarget.form?.reportValidity() && setPreview(true)
              : undefined
          }
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {sendMail && recipient
            ? 'Voorbeeld bekijken'
            : pending
              ? 'Bezig…'
              : 'Afronden als niet in behandeling'}
        </button>
      </div>
      {preview && recipient && (
        <div className="space-y-3">
          <MailPreview recipient={recipient} subject={subject} body={finalBody} />
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => setPreview(false)}
              className="rounded border border-slate-400 px-4 py-1.5 text-sm"
            >
              Terug naar bewerken
            </button>
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            >
              {pending ? 'Bezig…' : 'Bevestiging versturen en afronden'}
            </button>
          </div>
        </div>
      )}
      <ActionMessage state={state} />
    </form>
  );
}
