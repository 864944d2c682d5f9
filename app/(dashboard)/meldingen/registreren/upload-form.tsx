'use client';

import { useActionState } from 'react';
import { ActionMessage } from '../[id]/action-form';
import { uploadFormAction } from './actions';

/** Upload the meldformulier (PDF or Word): the worker reads it and the fields come back for review. */
export function UploadForm() {
  const [state, action, pending] = useActionState(uploadFormAction, null);
  return (
    <form action={action} className="space-y-2 rounded border border-slate-300 p-3">
      <h2 className="font-semibold">Meldformulier uploaden</h2>
      <label className="block text-sm">
        Bestand (PDF of Word, hoogstens 10 MB); de gegevens worden ingevuld zodat u ze kunt controleren
        <input
          type="file"
          name="bestand"
          required
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          className="mt-1 block text-sm"
        />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? 'Bezig…' : 'Uploaden en uitlezen'}
        </button>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}
