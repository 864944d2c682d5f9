'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import type { TActionState } from '@/lib/web/action-state';
import { confirmEnrolmentAction } from './actions';

/**
 * The enrolment steps (QR code, the secret to type, the code) and, once the app is linked, only
 * the recovery codes: the QR code and secret are gone from the screen as soon as they did their work.
 * `enrol` is null for a session that is past enrolment (the page rendered again after the link).
 */
export function EnrolForm({ enrol }: { enrol: { qr: string; secret: string } | null }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<TActionState, FormData>(confirmEnrolmentAction, null);
  const recoveryCodes = state?.ok ? state.data?.recoveryCodes?.split(' ') : undefined;

  if (recoveryCodes) {
    return (
      <section className="mt-6" aria-labelledby="herstelcodes">
        <h2 id="herstelcodes" className="text-lg font-semibold">
          Uw herstelcodes
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          De app is gekoppeld. Bewaar deze tien codes op een veilige plek: met elk ervan kunt u één keer
          inloggen als u uw telefoon niet bij de hand hebt.
          <strong> Ze worden maar één keer getoond.</strong>
        </p>
        <ul data-testid="recovery-codes" className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm">
          {recoveryCodes.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-1">
              {c}
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => router.replace('/')}
          className="mt-6 w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Ik heb de herstelcodes bewaard
        </button>
      </section>
    );
  }

  if (!enrol) {
    return (
      <section className="mt-6">
        <p className="text-sm text-slate-700">De app is gekoppeld.</p>
        <button
          type="button"
          onClick={() => router.replace('/')}
          className="mt-6 w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Verder
        </button>
      </section>
    );
  }

  const { qr, secret } = enrol;
  return (
    <>
      <ol className="mt-6 list-decimal space-y-4 pl-5 text-sm">
        <li>
          Scan deze QR-code met de app.
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, nothing for next/image to optimise */}
          <img
            src={qr}
            alt="QR-code om meldpost aan uw authenticator-app toe te voegen"
            width={220}
            height={220}
            className="mt-2 rounded border border-slate-200"
          />
        </li>
        <li>
          Lukt scannen niet? Voer dan deze sleutel in de app in:
          <code
            data-testid="totp-secret"
            className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider"
          >
            {secret}
          </code>
        </li>
        <li>Vul hieronder de code van zes cijfers in die de app nu toont.</li>
      </ol>
      <form action={action} className="mt-4 space-y-4">
        <div>
          <label htmlFor="code" className="block text-sm font-medium">
            Code uit de app
          </label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            required
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2 font-mono tracking-widest"
          />
        </div>
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
          {pending ? 'Bezig…' : 'Koppelen'}
        </button>
      </form>
    </>
  );
}
