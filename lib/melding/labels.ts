/** Dutch labels for the melding's enums, one place for the whole UI (terms from the protocol). */
import type {
  BeoordelingUitkomst,
  ContactKanaal,
  MeldingStatus,
  OutgoingKind,
  OutgoingState,
  Prioriteit,
  Uitkomst,
  MeldingKanaal,
} from '../db/generated/enums';

export const KANAAL_LABELS: Record<MeldingKanaal, string> = {
  POLITIE_MAIL: 'e-mail van de politie (protocol)',
  TELEFOON: 'telefoon',
  EMAIL_BUITEN_PROTOCOL: 'e-mail buiten het protocol',
  PARTNER: 'doorgestuurd door een partner',
  ANDERS: 'anders',
};

export const STATUS_LABELS: Record<MeldingStatus, string> = {
  ONTVANGEN: 'Ontvangen',
  IN_BEHANDELING: 'In behandeling',
  AANVULLING_GEVRAAGD: 'Aanvulling gevraagd',
  AFGEROND: 'Afgerond',
};

export const UITKOMST_LABELS: Record<Uitkomst, string> = {
  TOEGELEID: 'Toegeleid naar zorg',
  GEEN_VERVOLG: 'Geen vervolg',
  NIET_IN_BEHANDELING: 'Niet in behandeling',
  DOORGESTUURD: 'Doorgestuurd',
};

export const BEOORDELING_LABELS: Record<BeoordelingUitkomst, string> = {
  GEEN_REDEN: 'Geen reden tot nader onderzoek',
  NADER_ONDERZOEK: 'Onvoldoende informatie — nader onderzoek',
  DIRECT_OPVOLGEN: 'Direct opvolging',
};

export const CONTACT_KANAAL_LABELS: Record<ContactKanaal, string> = {
  TELEFOON: 'Telefonisch',
  EMAIL: 'Per e-mail',
  ANDERS: 'Anders',
};

export const PRIORITEIT_LABELS: Record<Prioriteit, string> = {
  LAAG: 'Laag',
  NORMAAL: 'Normaal',
  HOOG: 'Hoog',
};

export const OUTGOING_KIND_LABELS: Record<OutgoingKind, string> = {
  ACCEPTATIESIGNAAL: 'Acceptatiesignaal',
  FOUTMELDING: 'Foutmelding',
  AANVULLING: 'Verzoek om aanvulling',
  NIET_IN_BEHANDELING: 'Niet in behandeling',
  TERUGKOPPELING: 'Terugkoppeling',
  DOORSTUREN: 'Doorgestuurd naar ander meldpunt',
  DOORGESTUURD_BERICHT: 'Bericht aan de behandelaar: doorgestuurd',
  HERINNERING_AANVULLING: 'Herinnering verzoek om aanvulling',
  ADRESWIJZIGING: 'Wijziging afleveradres of werkgebied (Bijlage B)',
  NOTIFICATIE: 'Melding per e-mail aan een medewerker (alleen aantallen)',
  ZELFTEST: 'Keten-zelftest (testbericht, geen echte melding)',
};

export const OUTGOING_STATE_LABELS: Record<OutgoingState, string> = {
  QUEUED: 'In de wachtrij',
  SENDING: 'Wordt verzonden',
  SENT: 'Verzonden',
  FAILED: 'Verzenden mislukt',
  BOUNCED: 'Onbestelbaar',
};

/** Badges of a melding in the inbox; also the inbox's badge filters. */
export const BADGES = [
  'te_laat',
  'telefonisch',
  'veilig_thuis',
  'eerder',
  'waarschuwingen',
  'niet_geverifieerd',
  'reactie',
  'buiten_werkgebied',
  'minderjarig',
  'herinnering',
  'heropend',
] as const;
export type TBadge = (typeof BADGES)[number];

export const BADGE_LABELS: Record<TBadge, string> = {
  minderjarig: 'Minderjarig bij het voorval',
  herinnering: 'Herinnering nodig: aanvulling niet beantwoord',
  te_laat: 'Niet op tijd beoordeeld',
  telefonisch: 'Telefonisch contact gewenst',
  veilig_thuis: 'Ook gemeld bij Veilig Thuis',
  eerder: 'Eerdere meldingen over deze persoon',
  waarschuwingen: 'Waarschuwingen bij het inlezen',
  niet_geverifieerd: 'Afzender niet geverifieerd',
  reactie: 'Reactie ontvangen',
  buiten_werkgebied: 'Buiten werkgebied',
  heropend: 'Heropend: nieuwe versie na afronding',
};
