'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { TActionState } from '@/lib/web/action-state';

type TAction = (state: TActionState, form: FormData) => Promise<TActionState>;

/** A form for one server action, with its result announced (role=status / alert) and focusable. */
export function ActionForm({
  action,
  meldingId,
  submitLabel,
  children,
  resetOnSuccess,
  className,
  danger,
}: {
  action: TAction;
  meldingId: string;
  submitLabel: string;
  children?: ReactNode;
  resetOnSuccess?: boolean;
  className?: string;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) form.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form ref={form} action={formAction} className={className ?? 'space-y-3'}>
      <input type="hidden" name="meldingId" value={meldingId} />
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className={`rounded px-4 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${danger ? 'bg-red-800 hover:bg-red-900' : 'bg-brand-600 hover:bg-brand-700'}`}
        >
          {pending ? 'Bezig…' : submitLabel}
        </button>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}

export function ActionMessage({ state }: { state: TActionState }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="text-sm text-green-800">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="text-sm text-red-800">
      {state.message}
    </p>
  );
}
