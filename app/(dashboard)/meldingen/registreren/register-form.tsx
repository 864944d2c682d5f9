'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ActionMessage } from '../[id]/action-form';
import { registerByHandAction, registerReviewedAction } from './actions';

const input = 'mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm';

function Field({
  name,
  label,
  values,
  type = 'text',
  hint,
  required,
}: {
  name: string;
  label: string;
  values?: Record<string, string>;
  type?: string;
  hint?: string;
  required?: boolean;
}) {
  return (
    <label className="block text-sm">
      {label}
      {hint && <span className="block text-xs text-slate-600">{hint}</span>}
      <input
        name={name}
        type={type}
        required={required}
        defaultValue={values?.[name] ?? ''}
        className={input}
      />
    </label>
  );
}

/** The fields of the meldformulier a medewerker takes down; the channel is required, the kenmerk not. */
export function RegisterForm({
  initial,
  formulierId,
}: {
  /** Fields read from an uploaded form, for the medewerker to review. */
  initial?: Record<string, string>;
  /** That uploaded form: its other fields and the file are kept with the melding. */
  formulierId?: string;
}) {
  const [state, action, pending] = useActionState(
    formulierId ? registerReviewedAction : registerByHandAction,
    null,
  );
  const values = state && !state.ok ? state.values : state?.ok ? undefined : initial;
  // A fresh form after success: the key changes with each registration.
  return (
    <form key={state?.ok ? state.at : 'form'} action={action} className="space-y-6">
      {formulierId && !state?.ok && <input type="hidden" name="formulierId" value={formulierId} />}
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-2 font-semibold">Hoe kwam de melding binnen?</legend>
        <label className="block text-sm">
          Kanaal
          <select name="kanaal" required defaultValue={values?.kanaal ?? ''} className={input}>
            <option value="" disabled>
              Kies…
            </option>
            <option value="TELEFOON">Telefoon</option>
            <option value="EMAIL_BUITEN_PROTOCOL">E-mail buiten het protocol</option>
            <option value="PARTNER">Doorgestuurd door een partner</option>
            <option value="ANDERS">Anders</option>
          </select>
        </label>
        <Field
          name="kenmerk"
          label="Kenmerk (registratienummer politie)"
          hint="Leeg laten als er geen is: meldpost maakt een kenmerk MP-…"
          values={values}
        />
        <Field name="melder" label="Melder (naam, organisatie, telefoon)" values={values} />
      </fieldset>
      <fieldset className="grid gap-3 md:grid-cols-3">
        <legend className="mb-2 font-semibold">Betrokkene</legend>
        <Field name="voornamen" label="Voornamen" values={values} />
        <Field name="voorvoegsel" label="Voorvoegsel" values={values} />
        <Field name="achternaam" label="Achternaam" values={values} />
        <Field name="geboortedatum" label="Geboortedatum" type="date" values={values} />
        <Field name="bsn" label="BSN" values={values} />
        <Field name="adres" label="Adres" values={values} />
        <Field name="postcode" label="Postcode" values={values} />
        <Field name="plaats" label="Plaats" values={values} />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 font-semibold">Melding</legend>
        <label className="block text-sm">
          Reden aanmelding (omschrijving van de zorgen)
          <textarea
            name="redenAanmelding"
            required
            rows={6}
            defaultValue={values?.redenAanmelding ?? ''}
            className={input}
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="telefonischContactGewenst"
            defaultChecked={values?.telefonischContactGewenst === 'on'}
          />
          Nader telefonisch contact gewenst
        </label>
      </fieldset>
      <fieldset className="grid gap-3 md:grid-cols-3">
        <legend className="mb-2 font-semibold">Behandelaar bij de politie (als bekend)</legend>
        <Field name="behandelaarNaam" label="Naam" values={values} />
        <Field name="behandelaarTelefoon" label="Telefoon" values={values} />
        <Field name="behandelaarEmail" label="E-mail" type="email" values={values} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? 'Bezig…' : 'Melding registreren'}
        </button>
        <ActionMessage state={state} />
        {state?.ok && state.data?.meldingId && (
          <Link href={`/meldingen/${state.data.meldingId}`} className="text-sm text-brand-700 underline">
            Naar de melding
          </Link>
        )}
      </div>
    </form>
  );
}
