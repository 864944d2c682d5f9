import 'server-only';
import { audit } from '../audit/audit';
import type { TFinding, TMeldformulier } from '../form/schema';
import { applyCorrections, type TCorrection } from './form-fields';
import { needsHerinnering } from './needs-herinnering';
import { isOverdue } from './overdue';
import { werkdagenTussen } from '../werkdagen';
import { getSettings } from '../settings/get-settings';
import { findMeldingInScope, type TActing } from './melding-scope';
import { meldingPersonKey } from './melding-person-key';

/** One melding for its page: the form (as received and as corrected), status and attachments. Every view is audited. */
export async function getMeldingById(opts: TActing & { meldingId: string; now?: Date }) {
  const m = await findMeldingInScope({
    ...opts,
    action: 'melding.bekeken',
    select: {
      id: true,
      kenmerk: true,
      formulier: true,
      warnings: true,
      corrections: true,
      version: true,
      opnieuwOntvangen: true,
      heropendDoorVersie: true,
      status: true,
      beoordeling: true,
      prioriteit: true,
      soorten: true,
      gemeente: true,
      gemeenteBron: true,
      uitkomst: true,
      uitkomstToelichting: true,
      loketAdvies: true,
      receivedAt: true,
      firstAssessedAt: true,
      closedAt: true,
      anonymisedAt: true,
      bsn: true,
      voornamen: true,
      voorvoegsel: true,
      achternaam: true,
      geboortedatum: true,
      behandelaarEmail: true,
      telefonischContactGewenst: true,
      veiligThuisGemeld: true,
      herhaling: true,
      hasWarnings: true,
      authenticityVerified: true,
      reactieOntvangen: true,
      buitenWerkgebied: true,
      doorgestuurd: true,
      doorgestuurdDoor: true,
      minderjarig: true,
      aanvullingGevraagd: true,
      aanvullingGevraagdAt: true,
      contacten: {
        orderBy: { at: 'desc' },
        select: { id: true, at: true, withWhom: true, kanaal: true },
      },
      kanaal: true,
      registeredBy: true,
      mailboxId: true,
      assignee: { select: { id: true, name: true, email: true } },
      attachments: {
        select: {
          id: true,
          filename: true,
          contentType: true,
          size: true,
          isForm: true,
          inboundMessageId: true,
        },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  const now = opts.now ?? new Date();
  const { werkdagenBeoordeling, herinneringWerkdagen } = await getSettings({ db: opts.db });
  await audit(opts.db, {
    actor: opts.actor,
    action: 'melding.bekeken',
    objectType: 'melding',
    objectId: m.id,
    personKey: meldingPersonKey(m),
  });
  const received = m.formulier as TMeldformulier | null;
  const corrections = m.corrections as TCorrection[];
  return {
    ...m,
    formulier: received,
    corrected: received ? applyCorrections(received, corrections) : null,
    warnings: m.warnings as TFinding[],
    corrections,
    werkdagenGeleden: werkdagenTussen(m.receivedAt, now),
    overdue: m.status !== 'AFGEROND' && isOverdue(m, werkdagenBeoordeling, now),
    herinneringNodig: needsHerinnering(m, herinneringWerkdagen, now),
    werkdagenBeoordeling,
  };
}
export type TMeldingDetail = Awaited<ReturnType<typeof getMeldingById>>;
