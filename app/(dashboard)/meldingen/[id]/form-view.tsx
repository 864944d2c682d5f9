import type { TFinding, TMeldformulier } from '@/lib/form/schema';
import { displayValue, fieldValue, FORM_GROUPS, type TCorrection } from '@/lib/melding/form-fields';
import { SectionCorrection } from './section-correction';

/** The parsed form grouped like the paper form, warnings beside their fields, corrections shown and possible. */
export function FormView({
  meldingId,
  formulier,
  corrected,
  warnings,
  corrections,
  canCorrect,
}: {
  meldingId: string;
  formulier: TMeldformulier;
  corrected: TMeldformulier;
  warnings: TFinding[];
  corrections: TCorrection[];
  canCorrect: boolean;
}) {
  const known = new Set(FORM_GROUPS.flatMap((g) => g.fields.map((f) => f.path)));
  const loose = warnings.filter((w) => !known.has(w.field));
  return (
    <div className="space-y-4">
      {loose.length > 0 && (
        <div className="rounded border border-orange-300 bg-orange-50 p-3 text-sm text-orange-950">
          <h3 className="font-medium">Waarschuwingen bij het inlezen</h3>
          <ul className="mt-1 list-disc pl-5">
            {loose.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      {FORM_GROUPS.map((group) => (
        <section
          key={group.title}
          className="rounded border border-slate-200 bg-white"
          aria-labelledby={`groep-${group.title}`}
        >
          <h3
            id={`groep-${group.title}`}
            className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-semibold"
          >
            {group.title}
          </h3>
          <dl className="divide-y divide-slate-100">
            {group.fields.map((field) => {
              const fieldWarnings = warnings.filter((w) => w.field === field.path);
              const fieldCorrections = corrections.filter((c) => c.field === field.path);
              const value = displayValue(fieldValue(corrected, field.path));
              return (
                <div key={field.path} className="grid grid-cols-[11rem_1fr] gap-2 px-3 py-1.5 text-sm">
                  <dt className="text-slate-700">{field.label}</dt>
                  <dd>
                    <span className={field.kind === 'multiline' ? 'whitespace-pre-wrap' : ''}>{value}</span>
                    {fieldWarnings.map((w, i) => (
                      <p key={i} className="mt-0.5 text-xs font-medium text-orange-900">
                        ⚠ {w.message}
                      </p>
                    ))}
                    {fieldCorrections.length > 0 && (
                      <p className="mt-0.5 text-xs text-slate-700">
                        Gecorrigeerd door {fieldCorrections.at(-1)!.by}; oorspronkelijk ingelezen: “
                        {displayValue(fieldValue(formulier, field.path))}”
                      </p>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
          {canCorrect && <SectionCorrection meldingId={meldingId} group={group} corrected={corrected} />}
        </section>
      ))}
    </div>
  );
}
