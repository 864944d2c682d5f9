import 'server-only';
import type { TMeldformulier } from '../form/schema';
import { initialenOf, renderMailTemplate } from '../mail/default-templates';
import { applyCorrections, type TCorrection } from './form-fields';
import { getMailTemplate } from '../settings/get-mail-template';
import { getSettings } from '../settings/get-settings';
import { findMeldingInScope, type TActing } from './melding-scope';
import { composeOfficerMail, officerAddress, type TOfficerMailKind } from '../outbox/queue-officer-mail';

/** A mail to the officer as staff first see it: recipient, protocol subject, body from the editable template. */
export async function getMailDraft(o: TActing & { meldingId: string; kind: TOfficerMailKind }) {
  const m = await findMeldingInScope({
    ...o,
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
  const [template, settings] = await Promise.all([
    getMailTemplate({ db: o.db, kind: o.kind }),
    getSettings({ db: o.db }),
  ]);
  const f = m.formulier
    ? applyCorrections(m.formulier as TMeldformulier, m.corrections as TCorrection[])
    : null;
  const body = renderMailTemplate(template.body, {
    kenmerk: m.kenmerk,
    initialen: initialenOf(m),
    behandelaar: f?.behandelaar.naam ?? 'heer/mevrouw',
    meldpuntNaam: settings.meldpuntNaam,
    meldpuntTelefoon: settings.meldpuntTelefoon,
  });
  let recipient: string | null = null;
  try {
    recipient = officerAddress(m);
  } catch {
    // Shown as "no address" in the preview; sending is refused with the reason.
  }
  const { subject } = await composeOfficerMail(o.db, m, o.kind, body);
  return { recipient, subject, body };
}
