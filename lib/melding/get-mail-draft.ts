import 'server-only';
import { renderMailTemplate, type TTemplateKind } from '../mail/default-templates';
import { composeOfficerMail, officerAddress } from '../outbox/queue-officer-mail';
import { getMailTemplate } from '../settings/get-mail-template';
import { mailValues } from './mail-values';
import { findMeldingInScope, type TActing } from './melding-scope';

/**
 * A mail to the officer as staff first see it: recipient, protocol subject, body from the editable
 * template. Placeholders whose value comes with the action (reden, loket, afstemming) or from an
 * empty setting stay as `{name}`; they are filled (or the mail refused) when it is queued.
 */
export async function getMailDraft(opts: TActing & { meldingId: string; kind: TTemplateKind }) {
  const m = await findMeldingInScope({
    ...opts,
    action: 'melding.concept_mail',
    select: {
      id: true,
      kenmerk: true,
      behandelaarEmail: true,
      formulier: true,
      corrections: true,
      voornamen: true,
      voorvoegsel: true,
      achternaam: true,
    },
  });
  const [template, values] = await Promise.all([
    getMailTemplate({ db: opts.db, kind: opts.kind }),
    mailValues(opts.db, m),
  ]);
  const body = renderMailTemplate(template.body, values);
  let recipient: string | null = null;
  try {
    recipient = officerAddress(m);
  } catch {
    // Shown as "no address" in the preview; sending is refused with the reason.
  }
  const { subject } = await composeOfficerMail(
    opts.db,
    m,
    opts.kind,
    body,
    renderMailTemplate(template.subject, values),
  );
  return { recipient, subject, body, templateSubject: template.subject };
}
