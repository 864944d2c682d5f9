'use client';

import { startTransition, useActionState, type FormEvent, type ReactNode } from 'react';
import type { TActionState } from '@/lib/web/action-state';

type TAction = (state: TActionState, form: FormData) => Promise<TActionState>;

/**
 * A form for one administration action, its result announced (role=status / alert). Submitted
 * through onSubmit rather than the form's action prop, so React does not clear what the
 * beheerder typed when the server refuses it.
 */
export function AdminForm({
  action,
  submitLabel,
  children,
  className,
  danger,
  hidden,
  confirm,
  result,
}: {
  action: TAction;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  danger?: boolean;
  hidden?: Record<string, string>;
  confirm?: string;
  result?: (state: NonNullable<TActionState>) => ReactNode;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  }
  return (
    <form onSubmit={onSubmit} className={className ?? 'space-y-3'}>
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className={`rounded px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${danger ? 'bg-red-800 hover:bg-red-900' : 'bg-brand-600 hover:bg-brand-700'}`}
        >
          {pending ? 'Bezig…' : submitLabel}
        </button>
        {state &&
          (state.ok ? (
            <p role="status" className="text-sm text-green-800">
              {state.message}
            </p>
          ) : (
            <p role="alert" className="text-sm text-red-800">
              {state.message}
            </p>
          ))}
      </div>
      {state?.ok && result?.(state)}
    </form>
  );
}
