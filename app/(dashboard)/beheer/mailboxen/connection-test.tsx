'use client';

import { startTransition, useActionState } from 'react';
import type { TConnectionCheck } from '@/lib/mailbox/test-mailbox-connection';
import type { TActionState } from '@/lib/web/action-state';

const MARK = {
  true: ['✔', 'Gelukt', 'text-green-800'],
  false: ['✖', 'Mislukt', 'text-red-800'],
  null: ['–', 'Overgeslagen', 'text-slate-600'],
} as const;

/** "Verbinding testen": runs every step on the server and lists each with its result in Dutch. */
export function ConnectionTest({
  action,
  id,
}: {
  action: (s: TActionState, f: FormData) => Promise<TActionState>;
  id: string;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const checks: TConnectionCheck[] = state?.data?.checks ? JSON.parse(state.data.checks) : [];
  const run = () => {
    const form = new FormData();
    form.set('id', id);
    startTransition(() => dispatch(form));
  };
  return (
    <div>
      <button
        type="button"
        onClick={run}
        disabled={pending}
        className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? 'Bezig met testen…' : 'Verbinding testen'}
      </button>
      <div aria-live="polite">
        {state && (
          <p
            role={state.ok ? 'status' : 'alert'}
            className={`mt-2 text-sm ${state.ok ? '' : 'text-red-800'}`}
          >
            {state.message}
          </p>
        )}
        {checks.length > 0 && (
          <ol className="mt-2 space-y-2" aria-label="Resultaat per stap">
            {checks.map((c) => {
              const [icon, word, color] = MARK[String(c.ok) as 'true' | 'false' | 'null'];
              return (
                <li
                  key={c.step}
                  className="rounded border border-slate-200 bg-white p-3 text-sm"
                  data-step={c.step}
                >
                  <span className={`font-semibold ${color}`}>
                    <span aria-hidden="true">{icon}</span> {c.label}: {word}
                  </span>
                  <p className="mt-1">{c.message}</p>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </div>
  );
}
