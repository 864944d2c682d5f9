import { CONTACT_KANAAL_LABELS } from '@/lib/melding/labels';
import { ActionForm } from './action-form';
import { field } from './field-style';
import { contactMomentAction } from './protocol-actions';

/** A contact moment (date, with whom, how, outcome), e.g. the call with the officer. */
export function ContactForm({ meldingId }: { meldingId: string }) {
  return (
    <ActionForm
      action={contactMomentAction}
      meldingId={meldingId}
      submitLabel="Contactmoment opslaan"
      resetOnSuccess
    >
      <div>
        <label htmlFor="contact-at" className="block text-sm font-medium">
          Wanneer
        </label>
        <input id="contact-at" name="at" type="datetime-local" required className={field} />
      </div>
      <div>
        <label htmlFor="contact-with" className="block text-sm font-medium">
          Met wie
        </label>
        <input id="contact-with" name="withWhom" required className={field} />
      </div>
      <div>
        <label htmlFor="contact-kanaal" className="block text-sm font-medium">
          Hoe
        </label>
        <select id="contact-kanaal" name="kanaal" defaultValue="TELEFOON" className={field}>
          {Object.entries(CONTACT_KANAAL_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="contact-outcome" className="block text-sm font-medium">
          Uitkomst / afspraken
        </label>
        <textarea id="contact-outcome" name="outcome" rows={3} required className={field} />
      </div>
    </ActionForm>
  );
}
