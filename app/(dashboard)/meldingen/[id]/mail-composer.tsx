'use client';

import { useActionState, useState, type ReactNode } from 'react';
import type { TActionState } from './action-state';
import { ActionMessage } from './action-form';
import { MailPreview } from './mail-preview';

type TAction = (state: TActionState, form: FormData) => Promise<TActionState>;

/**
 * A mail to the officer: edit the text from the template, then see exactly what will be sent
 * (recipient, subject, text) before sending. `children` are extra fields (loket, reden).
 */
export function MailComposer({
  action,
  meldingId,
  recipient,
  subject,
  defaultBody,
  sendLabel,
  idPrefix,
  children,
}: {
  action: TAction;
  meldingId: string;
  recipient: string | null;
  subject: string;
  defaultBody: string;
  sendLabel: string;
  idPrefix: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [body, setBody] = useState(defaultBody);
  const [preview, setPreview] = useState(false);
  if (!recipient) {
    return (
      <p className="text-sm text-red-800">
        Het formulier bevat geen geldig e-mailadres van de behandelaar. Corrigeer het veld &quot;E-mail
        behandelaar&quot; om een mail te kunnen sturen.
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="meldingId" value={meldingId} />
      <div hidden={preview} className="space-y-3">
        {children}
        <div>
          <label htmlFor={`${idPrefix}-body`} className="block text-sm font-medium">
            Tekst van de mail
          </label>
          <textarea
            id={`${idPrefix}-body`}
            name="body"
            rows={10}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 font-mono text-sm"
          />
        </div>
        <button
          type="button"
          onClick={() => setPreview(true)}
          className="rounded border border-brand-600 px-4 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          Voorbeeld bekijken
        </button>
      </div>
      {preview && (
        <div className="space-y-3">
          <MailPreview recipient={recipient} subject={subject} body={body} />
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
              {pending ? 'Bezig…' : sendLabel}
            </button>
          </div>
        </div>
      )}
      <ActionMessage state={state} />
    </form>
  );
}
