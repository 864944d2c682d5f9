'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { LOGIN_MESSAGES } from '@/lib/auth/login-throttle';

type TField = { name: string; label: string } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'autoCapitalize' | 'autoFocus' | 'spellCheck' | 'className'
>;

/**
 * One next-auth sign-in step (password, or second factor). On success — or when the session
 * ended meanwhile — it goes to `/`, from where a half-signed-in session is sent to its next step.
 */
export function SignInStepForm({
  provider,
  fields,
  submitLabel,
  failure,
}: {
  provider: 'credentials' | 'second-factor';
  fields: TField[];
  submitLabel: string;
  failure: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn(provider, {
      ...Object.fromEntries(fields.map((f) => [f.name, form.get(f.name)])),
      redirect: false,
    });
    if (res?.ok || res?.error === 'no_session') {
      router.replace('/');
      return;
    }
    setBusy(false);
    setError(res?.error === 'locked' ? LOGIN_MESSAGES.locked : failure);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {fields.map(({ name, label, className, ...input }) => (
        <div key={name}>
          <label htmlFor={name} className="block text-sm font-medium">
            {label}
          </label>
          <input
            id={name}
            name={name}
            required
            {...input}
            className={`mt-1 w-full rounded border border-slate-400 px-3 py-2 ${className ?? ''}`}
          />
        </div>
      ))}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {busy ? 'Bezig…' : submitLabel}
      </button>
    </form>
  );
}
