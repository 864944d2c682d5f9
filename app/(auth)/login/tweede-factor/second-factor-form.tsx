'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { LOGIN_MESSAGES } from '@/lib/auth/login-throttle';

export function SecondFactorForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await signIn('second-factor', { code: new FormData(e.currentTarget).get('code'), redirect: false });
    if (res?.ok || res?.error === 'no_session') {
      // On to the next step (a forced password change) or the dashboard; an ended session to /login.
      router.replace('/');
      return;
    }
    setBusy(false);
    setError(res?.error === 'locked' ? LOGIN_MESSAGES.locked : LOGIN_MESSAGES.code);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="code" className="block text-sm font-medium">Code of herstelcode</label>
        <input id="code" name="code" type="text" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} required autoFocus className="mt-1 w-full rounded border border-slate-400 px-3 py-2 font-mono tracking-widest" />
      </div>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={busy} className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {busy ? 'Bezig…' : 'Bevestigen'}
      </button>
    </form>
  );
}
