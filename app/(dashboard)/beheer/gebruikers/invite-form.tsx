'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import type { TActionState } from '@/lib/web/action-state';
import { inputClass, labelClass } from '../_shared/format';

/**
 * A new user. The one-time password comes back once, is shown here once (it is not stored in
 * plain text anywhere) and must be handed over by another channel than the e-mail address.
 */
export function InviteForm({ action }: { action: (s: TActionState, f: FormData) => Promise<TActionState> }) {
  const [state, dispatch, pending] = useActionState(action, null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  }
  return (
    <form
      onSubmit={onSubmit}
      className="grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-4 md:items-end"
    >
      <div>
        <label htmlFor="inv-email" className={labelClass}>
          E-mailadres
        </label>
        <input id="inv-email" name="email" type="email" required autoComplete="off" className={inputClass} />
      </div>
      <div>
        <label htmlFor="inv-name" className={labelClass}>
          Naam
        </label>
        <input id="inv-name" name="name" autoComplete="off" className={inputClass} />
      </div>
      <div>
        <label htmlFor="inv-role" className={labelClass}>
          Rol
        </label>
        <select id="inv-role" name="role" defaultValue="MEDEWERKER" className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? 'Bezig…' : 'Gebruiker aanmaken'}
      </button>
      <div className="md:col-span-4" aria-live="polite">
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-800">
            {state.message}
          </p>
        )}
        {state?.ok && state.data && (
          <div role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm">
            <p>
              Account voor <strong>{state.data.email}</strong> aangemaakt. Eenmalig wachtwoord (wordt maar één
              keer getoond; geef het via een ander kanaal door, bijvoorbeeld telefonisch):
            </p>
            <p className="mt-2 font-mono text-base" data-testid="eenmalig-wachtwoord">
              {state.data.password}
            </p>
            <p className="mt-2">
              Bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord en stelt een tweede factor
              in.
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
