'use client';

import { useState } from 'react';
import {
  PLACEHOLDER_LABELS,
  openPlaceholders,
  PLACEHOLDER_SOURCES,
  renderMailTemplate,
  TEMPLATE_PLACEHOLDERS,
  unknownPlaceholders,
  type TTemplateKind,
  type TTemplateValues,
} from '@/lib/mail/default-templates';
import type { TAdminState } from '../_shared/action-state';
import { AdminForm } from '../_shared/admin-form';
import { inputClass, labelClass } from '../_shared/format';

/** One template: subject (read-only where the protocol fixes it) and body, with a live preview. */
export function TemplateEditor({
  action,
  kind,
  title,
  subject,
  body,
  subjectFixed,
  sample,
}: {
  action: (s: TAdminState, f: FormData) => Promise<TAdminState>;
  kind: TTemplateKind;
  title: string;
  subject: string;
  body: string;
  subjectFixed: boolean;
  sample: Partial<TTemplateValues>;
}) {
  const [draft, setDraft] = useState({ subject, body });
  const unknown = unknownPlaceholders(`${draft.subject}\n${draft.body}`);
  const id = `tpl-${kind}`;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <AdminForm action={action} hidden={{ kind }} submitLabel="Opslaan">
          <div>
            <label htmlFor={`${id}-subject`} className={labelClass}>
              Onderwerp
            </label>
            <input
              id={`${id}-subject`}
              name="subject"
              value={draft.subject}
              readOnly={subjectFixed}
              aria-describedby={subjectFixed ? `${id}-subject-hint` : undefined}
              onChange={(e) => setDraft((d) => ({ ...d, subject: e.target.value }))}
              className={`${inputClass} ${subjectFixed ? 'bg-slate-100' : ''}`}
            />
            {subjectFixed && (
              <p id={`${id}-subject-hint`} className="mt-1 text-xs text-slate-600">
                Dit onderwerp schrijft het ketenprotocol voor; het kan niet worden gewijzigd.
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-body`} className={labelClass}>
              Tekst
            </label>
            <textarea
              id={`${id}-body`}
              name="body"
              rows={14}
              value={draft.body}
              onChange={(e) => setDraft((d) => ({ ...d, body: e.target.value }))}
              className={`${inputClass} font-mono`}
            />
          </div>
          {unknown.length > 0 && (
            <p role="alert" className="text-sm text-red-800">
              Onbekende invulvelden: {unknown.map((n) => `{${n}}`).join(', ')}
            </p>
          )}
        </AdminForm>
        <div>
          <h3 className="text-sm font-medium">Voorbeeld</h3>
          <div
            className="mt-1 rounded border border-slate-300 bg-slate-50 p-3 text-sm"
            aria-live="polite"
            data-testid={`voorbeeld-${kind}`}
          >
            <p className="font-semibold">{renderMailTemplate(draft.subject, sample)}</p>
            <pre className="mt-2 whitespace-pre-wrap font-sans">{renderMailTemplate(draft.body, sample)}</pre>
          </div>
          {openPlaceholders(renderMailTemplate(`${draft.subject}\n${draft.body}`, sample)).map((p) => (
            <p key={p} role="status" className="mt-1 text-sm text-red-800">
              Let op: {PLACEHOLDER_SOURCES[p]} is niet ingesteld. Mail met dit sjabloon wordt niet verstuurd
              tot dat is ingevuld.
            </p>
          ))}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer">Invulvelden</summary>
            <ul className="mt-1 space-y-1">
              {TEMPLATE_PLACEHOLDERS.map((p) => (
                <li key={p}>
                  <code>{`{${p}}`}</code> — {PLACEHOLDER_LABELS[p]}
                </li>
              ))}
            </ul>
          </details>
        </div>
      </div>
    </section>
  );
}
