'use client';

import { useActionState } from 'react';
import type { TActionState } from '@/lib/web/action-state';
import { changePasswordAction } from './actions';

const FIELDS = [
  { name: 'currentPassword', label: 'Huidig wachtwoord', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'Nieuw wachtwoord', autoComplete: 'new-password' },
  { name: 'repeatPassword', label: 'Herhaal nieuw wachtwoord', autoComplete: 'new-password' },
] as const;

export function PasswordForm() {
  const [state, action, pending] = useActionState<TActionState, FormData>(changePasswordAction, null);
  return (
    <form action={action} className="mt-6 space-y-4">
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="block text-sm font-medium">
            {f.label}
          </label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            required
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          />
        </div>
      ))}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? 'Wachtwoord wordt opgeslagen…' : 'Wachtwoord opslaan'}
      </button>
    </form>
  );
}
