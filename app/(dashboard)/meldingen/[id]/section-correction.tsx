import type { TMeldformulier } from '@/lib/form/schema';
import { CORRECTABLE_FIELDS, fieldValue, type TFieldGroup } from '@/lib/melding/form-fields';
import { ActionForm } from './action-form';
import { correctSectionAction } from './correct-section-action';

const inputClass = 'mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm';

/**
 * One "Gegevens corrigeren" control per section of the form (not one per field, which put thirty
 * stops in a keyboard user's way): it opens every correctable field of the section at once, with
 * one save button. Only the fields the user changes are corrected.
 */
export function SectionCorrection({
  meldingId,
  group,
  corrected,
}: {
  meldingId: string;
  group: TFieldGroup;
  corrected: TMeldformulier;
}) {
  const fields = group.fields.filter((f) => CORRECTABLE_FIELDS.includes(f.path));
  if (!fields.length) return null;
  const slug = group.title.toLowerCase().replace(/[^a-z]+/g, '-');
  return (
    <details className="border-t border-slate-200 px-3 py-2">
      <summary className="cursor-pointer text-sm text-brand-700 underline">
        Gegevens corrigeren<span className="sr-only">: {group.title}</span>
      </summary>
      <ActionForm
        action={correctSectionAction}
        meldingId={meldingId}
        submitLabel="Correcties opslaan"
        className="mt-2 space-y-2"
      >
        <p className="text-xs text-slate-700">
          Het ontvangen formulier blijft bewaard; elke wijziging wordt vastgelegd als correctie.
        </p>
        {fields.map((field) => {
          const id = `corr-${slug}-${field.path.replace(/\W+/g, '-')}`;
          const current = String(fieldValue(corrected, field.path) ?? '');
          return (
            <div key={field.path}>
              <input type="hidden" name="field" value={field.path} />
              <input type="hidden" name={`orig:${field.path}`} value={current} />
              <label className="block text-xs font-medium" htmlFor={id}>
                {field.label}
              </label>
              {field.kind === 'choice' ? (
                <select id={id} name={`value:${field.path}`} defaultValue={current} className={inputClass}>
                  <option value="">(leeg)</option>
                  {field.options!.map((o) => (
                    <option key={o} value={o}>
                      {o.replace(/_/g, ' ')}
                    </option>
                  ))}
                </select>
              ) : field.kind === 'multiline' ? (
                <textarea
                  id={id}
                  name={`value:${field.path}`}
                  rows={4}
                  defaultValue={current}
                  className={inputClass}
                />
              ) : (
                <input id={id} name={`value:${field.path}`} defaultValue={current} className={inputClass} />
              )}
            </div>
          );
        })}
      </ActionForm>
    </details>
  );
}
