'use client';

import { CONTACT_KANAAL_LABELS } from '@/lib/melding/labels';
import { field } from './field-style';

type TContact = { id: string; at: Date; withWhom: string; kanaal: keyof typeof CONTACT_KANAAL_LABELS };

const when = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** The afstemming with the officer (afspraak 1): an earlier contact moment, or this one entered here. */
export function AfstemmingFields({
  contacts,
  value,
  onChange,
}: {
  contacts: TContact[];
  value: { contactMomentId: string; at: string; withWhom: string; kanaal: string; outcome: string };
  onChange: (next: typeof value) => void;
}) {
  const set = (key: keyof typeof value) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <fieldset className="space-y-2 rounded border border-slate-300 p-2">
      <legend className="px-1 text-sm font-medium">Afstemming met de behandelaar (afspraak 1)</legend>
      {contacts.length > 0 && (
        <div>
          <label htmlFor="nib-contact" className="block text-sm">
            Eerder vastgelegd contact
          </label>
          <select
            id="nib-contact"
            name="contactMomentId"
            value={value.contactMomentId}
            onChange={set('contactMomentId')}
            className={field}
          >
            <option value="">Nieuw contact hieronder invullen</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {when.format(c.at)} · {CONTACT_KANAAL_LABELS[c.kanaal]} · {c.withWhom}
              </option>
            ))}
          </select>
        </div>
      )}
      {!value.contactMomentId && (
        <>
          <div>
            <label htmlFor="nib-at" className="block text-sm">
              Wanneer
            </label>
            <input
              id="nib-at"
              name="afstemmingAt"
              type="datetime-local"
              required
              value={value.at}
              onChange={set('at')}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="nib-with" className="block text-sm">
              Met wie
            </label>
            <input
              id="nib-with"
              name="afstemmingWith"
              required
              value={value.withWhom}
              onChange={set('withWhom')}
              className={field}
            />
          </div>
          <div>
            <label htmlFor="nib-kanaal" className="block text-sm">
              Hoe
            </label>
            <select
              id="nib-kanaal"
              name="afstemmingKanaal"
              value={value.kanaal}
              onChange={set('kanaal')}
              className={field}
            >
              {Object.entries(CONTACT_KANAAL_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="nib-outcome" className="block text-sm">
              Wat is afgesproken
            </label>
            <textarea
              id="nib-outcome"
              name="afstemmingOutcome"
              rows={2}
              required
              value={value.outcome}
              onChange={set('outcome')}
              className={field}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
