'use client';

import { useActionState } from 'react';
import { ActionMessage } from '../meldingen/[id]/action-form';
import { reviewFormAction } from './actions';

/** Registering from a work-queue message starts with reading its form, for review before saving. */
export function ReviewFormButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState(reviewFormAction, null);
  return (
    <form action={action} className="space-y-2 rounded border border-slate-300 p-3">
      <h3 className="text-sm font-semibold">Registreren als melding (uit het bijgevoegde formulier)</h3>
      <p className="text-sm text-slate-700">
        meldpost leest het formulier; u controleert de gegevens voordat het een melding wordt.
      </p>
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? 'Bezig…' : 'Formulier uitlezen en controleren'}
        </button>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}
