'use client';

import { useActionState } from 'react';
import { ActionMessage } from '../meldingen/[id]/action-form';
import { mailNotificationsAction } from './actions';

/** Opt in to (or out of) a mail when new work waits: counts and a link, no personal data. */
export function MailNotificationsForm({ enabled }: { enabled: boolean }) {
  const [state, action, pending] = useActionState(mailNotificationsAction, null);
  return (
    <form action={action} className="mt-3 space-y-3">
      <label className="flex items-center gap-2">
        <input type="checkbox" name="meldingenPerMail" defaultChecked={enabled} />
        Stuur mij een e-mail als er nieuwe meldingen of berichten in het postvak wachten
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? 'Bezig…' : 'Opslaan'}
        </button>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}
