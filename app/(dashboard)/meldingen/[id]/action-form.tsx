'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { TActionState } from '@/lib/web/action-state';
import { restoreFormValues } from './restore-form-values';

type TAction = (state: TActionState, form: FormData) => Promise<TActionState>;

/**
 * A form for one server action, with its result announced (role=status / alert) and focusable.
 * A refused action keeps what was typed: React empties a form after its action, so the values go
 * back in (the action's own `values`, else what this form sent).
 */
export function ActionForm({
  action,
  meldingId,
  submitLabel,
  children,
  resetOnSuccess,
  className,
  danger,
  hint,
}: {
  action: TAction;
  meldingId: string;
  submitLabel: string;
  children?: ReactNode;
  resetOnSuccess?: boolean;
  className?: string;
  danger?: boolean;
  /** Why the action is not possible yet, shown before the user tries. */
  hint?: string | null;
}) {
  const sent = useRef<FormData | null>(null);
  const [state, formAction, pending] = useActionState(async (previous: TActionState, form: FormData) => {
    sent.current = form;
    return action(previous, form);
  }, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state || !formRef.current) return;
    if (state.ok && resetOnSuccess) formRef.current.reset();
    if (!state.ok) restoreFormValues(formRef.current, state.values, sent.current);
  }, [state, resetOnSuccess]);
  return (
    <form ref={formRef} action={formAction} className={className ?? 'space-y-3'}>
      <input type="hidden" name="meldingId" value={meldingId} />
      {children}
      {hint && (
        <p className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-950">{hint}</p>
      )}
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
