'use client';

import { useActionState, useId, type ReactNode } from 'react';
import type { TActionState } from '@/lib/web/action-state';
import { ActionMessage } from '../meldingen/[id]/action-form';

type TAction = (state: TActionState, form: FormData) => Promise<TActionState>;

/** One work-queue action: the item's id, a required reason, optional extra fields, the result announced. */
export function QueueActionForm({
  action,
  id,
  title,
  submitLabel,
  reasonLabel,
  children,
  danger,
}: {
  action: TAction;
  id: string;
  title: string;
  submitLabel: string;
  reasonLabel: string;
  children?: ReactNode;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const reasonId = useId();
  return (
    <form action={formAction} className="space-y-2 rounded border border-slate-300 p-3">
      <h3 className="text-sm font-semibold">{title}</h3>
      <input type="hidden" name="id" value={id} />
      {children}
      <label htmlFor={reasonId} className="block text-sm">
        {reasonLabel}
      </label>
      <textarea
        id={reasonId}
        name="reden"
        required
        minLength={3}
        rows={2}
        className="block w-full rounded border border-slate-400 px-2 py-1 text-sm"
      />
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
