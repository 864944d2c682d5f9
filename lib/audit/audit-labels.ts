/**
 * The audit log in words a beheerder reads: a Dutch label per action code and a sentence for an
 * event's details (counts, outcomes, which fields), never the raw code or JSON. Pure.
 * tests/unit/audit-labels.test.ts checks that every action written anywhere in lib/ has a label.
 */
import { ROLE_LABELS } from '../auth/roles';
import { FORM_GROUPS } from '../melding/form-fields';
import { BEOORDELING_LABELS, PRIORITEIT_LABELS, UITKOMST_LABELS } from '../melding/labels';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Ingelogd',
  'auth.logout': 'Uitgelogd',
  'auth.mfa': 'Tweede stap bij inloggen',
  'auth.mfa.enrol': 'Authenticator-app gekoppeld',
  'auth.lockout': 'Geblokkeerd na mislukte pogingen',
  'auth.password.change': 'Wachtwoord gewijzigd',
  'auth.sessions.end': 'Alle sessies beëindigd',
  'user.create': 'Gebruiker aangemaakt',
  'user.role': 'Rol van gebruiker gewijzigd',
  'user.activate': 'Gebruiker geactiveerd',
  'user.deactivate': 'Gebruiker gedeactiveerd',
  'user.mfa_reset': 'Tweede factor van gebruiker gewist',
  'user.notificaties_aan': 'Meldingen per e-mail aangezet',
  'user.notificaties_uit': 'Meldingen per e-mail uitgezet',
  'toegang.export': 'Toegangsoverzicht geëxporteerd',
  'bericht.bekeken': 'Bericht in het Postvak bekeken',
  'bericht.bijlage_gedownload': 'Bijlage van een bericht in het Postvak gedownload',
  'bericht.gekoppeld': 'Bericht aan een melding gekoppeld',
  'bericht.bijlagen_gekoppeld': 'Bijlagen van een bericht aan een melding gekoppeld',
  'bericht.als_versie_gekoppeld': 'Formulier van een bericht als nieuwe versie aan een melding gekoppeld',
  'bericht.registreren': 'Bericht als melding geregistreerd',
  'bericht.formulier_uitlezen': 'Formulier van een bericht in het Postvak uitgelezen ter controle',
  'formulier.uitlezen': 'Meldformulier geüpload om uit te lezen',
  'bericht.afgewezen': 'Bericht uit quarantaine afgewezen',
  'bericht.vrijgegeven': 'Bericht handmatig vrijgegeven uit quarantaine',
  'bericht.opnieuw_verwerken': 'Bericht opnieuw verwerkt',
  'melding.bericht_gekoppeld': 'Bericht uit het Postvak aan de melding gekoppeld',
  'melding.bijlagen_gekoppeld': 'Bijlagen van een bericht uit het Postvak bij de melding gezet',
  'melding.versie_gekoppeld': 'Formulier uit het Postvak als nieuwe versie bij de melding gezet',
  'melding.signaal_opnieuw': 'Melding opnieuw ontvangen; signaal opnieuw verstuurd',
  'melding.versies': 'Versies van het formulier bekeken',
  'melding.contactmoment': 'Contactmoment vastgelegd',
  'melding.opnieuw_geregistreerd': 'Melding opnieuw geregistreerd (nieuwe versie)',
  'melding.geregistreerd': 'Melding met de hand geregistreerd',
  'melding.heropend': 'Melding heropend',
  'melding.herinnering_aanvulling': 'Herinnering verzoek om aanvulling verstuurd',
  'adressenlijst.gemeld': 'Wijziging gemeld aan de landelijke adressenlijst (Bijlage B)',
  'adressenlijst.niet_nodig': 'Wijziging adressenlijst afgehandeld zonder mail',
  'pagina.geweigerd': 'Pagina geweigerd (geen toegang voor deze rol)',
  'melding.ontvangen': 'Melding ontvangen',
  'melding.opnieuw_ontvangen': 'Melding opnieuw ontvangen (nieuwe versie)',
  'melding.foutmelding': 'Foutmelding gestuurd',
  'melding.lijst': 'Overzicht van meldingen geopend',
  'melding.zoeken': 'Meldingen gezocht',
  'melding.bekeken': 'Melding bekeken',
  'melding.email_bekeken': 'E-mail van de politie bekeken',
  'melding.bijlage_gedownload': 'Bijlage geopend',
  'melding.tijdlijn': 'Tijdlijn bekeken',
  'melding.eerdere': 'Eerdere meldingen bekeken',
  'melding.concept_mail': 'Concept van een mail bekeken',
  'melding.toegewezen': 'Melding toegewezen',
  'melding.beoordeeld': 'Melding beoordeeld',
  'melding.notitie': 'Notitie toegevoegd',
  'melding.aanvulling_gevraagd': 'Verzoek om aanvulling gestuurd',
  'melding.reactie_ontvangen': 'Reactie van de politie ontvangen',
  'melding.hervat': 'Behandeling hervat',
  'melding.niet_in_behandeling': 'Niet in behandeling genomen',
  'melding.doorgestuurd': 'Doorgestuurd naar ander meldpunt',
  'melding.afgerond': 'Melding afgerond',
  'melding.veld_gecorrigeerd': 'Veld van het formulier gecorrigeerd',
  'melding.verwijderd_bewaartermijn': 'Persoonsgegevens verwijderd (bewaartermijn)',
  'melding.verwijderd_wisverzoek': 'Persoonsgegevens verwijderd (wisverzoek)',
  'bericht.quarantaine': 'Bericht in quarantaine (afzender niet echt)',
  'bericht.geparkeerd': 'Bericht geparkeerd na herhaalde fouten',
  'bericht.opnieuw': 'Geparkeerd bericht opnieuw aangeboden',
  'bericht.afgehandeld': 'Geparkeerd bericht handmatig afgehandeld',
  'uitgaand.opnieuw': 'Uitgaande mail opnieuw verstuurd',
  'mailbox.create': 'Mailbox aangemaakt',
  'mailbox.update': 'Mailbox gewijzigd',
  'mailbox.test': 'Verbinding van mailbox getest',
  'mailbox.enable': 'Mailbox ingeschakeld',
  'mailbox.disable': 'Mailbox uitgeschakeld',
  'zelftest.gestart': 'Keten-zelftest gestart',
  'zelftest.ontvangen': 'Keten-zelftest: testbericht ontvangen en verwerkt',
  'zelftest.verwijderd': 'Keten-zelftest: testbericht verwijderd',
  'sjabloon.wijzig': 'Sjabloon gewijzigd',
  'instellingen.wijzig': 'Instellingen gewijzigd',
  'werkgebied.gewijzigd': 'Werkgebied gewijzigd',
  'ander_meldpunt.toegevoegd': 'Ander meldpunt toegevoegd',
  'ander_meldpunt.verwijderd': 'Ander meldpunt verwijderd',
  'bewaartermijn.proefrun': 'Proefrun bewaartermijn',
  'bewaartermijn.uitgevoerd': 'Bewaartermijn toegepast',
  'persoon.gezocht': 'Persoon gezocht (inzage of wissen)',
  'persoon.export': 'Gegevens van persoon geëxporteerd',
  'persoon.gewist': 'Gegevens van persoon gewist',
  'stats.export': 'Statistieken geëxporteerd',
  'audit.export': 'Auditlog geëxporteerd',
  'geheimen.roteer': 'Geheimen opnieuw versleuteld',
};

export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  melding: 'Melding',
  person: 'Persoon',
  mailbox: 'Mailbox',
  user: 'Gebruiker',
  message: 'Bericht',
  system: 'Systeem',
};

/** The label of an action; an action added later without one still reads as words, not a code. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const REASONS: Record<string, string> = {
  invalid: 'onjuiste code of wachtwoord',
  invalid_current: 'huidig wachtwoord onjuist',
  locked: 'geblokkeerd',
  ip_locked: 'IP-adres geblokkeerd',
  account_locked: 'account geblokkeerd',
  inactive: 'account gedeactiveerd',
  unverified_email: 'e-mailadres niet bevestigd door de provider',
  unknown_email: 'geen account met dit e-mailadres',
  no_subject: 'provider gaf geen gebruikers-id (sub)',
  other_subject: 'account is gekoppeld aan een ander account bij de provider',
  subject_of_other_account: 'dit provideraccount is al aan een ander meldpost-account gekoppeld',
};
const CONNECTION_STEPS: Record<string, string> = {
  oauth: 'OAuth2-token',
  imap: 'IMAP',
  folders: 'mappen',
  smtp: 'SMTP',
};
const SETTING_LABELS: Record<string, string> = {
  meldpuntNaam: 'naam meldpunt',
  meldpuntTelefoon: 'telefoon meldpunt',
  werkdagenBeoordeling: 'werkdagen tot beoordeling',
  bewaartermijnMaanden: 'bewaartermijn (maanden)',
  syncAlarmMinuten: 'synchronisatie-alarm (minuten)',
  statistiekenVoorMedewerkers: 'statistieken voor medewerkers',
  huisstijlNaam: 'naam in de kopbalk',
  huisstijlKleur: 'huisstijlkleur',
};
const FIELD_LABELS = new Map(FORM_GROUPS.flatMap((g) => g.fields.map((f) => [f.path, f.label] as const)));
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

type TValue = string | number | boolean | null;
const count = (n: TValue, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const yesNo = (v: TValue) => (v ? 'ja' : 'nee');
const roleLabel = (v: TValue) => ROLE_LABELS[String(v) as keyof typeof ROLE_LABELS] ?? String(v);
const enumLabel = (v: TValue) =>
  BEOORDELING_LABELS[String(v) as keyof typeof BEOORDELING_LABELS] ??
  UITKOMST_LABELS[String(v) as keyof typeof UITKOMST_LABELS] ??
  String(v).replace(/_/g, ' ').toLowerCase();
const list = (v: TValue, labels: Record<string, string> | Map<string, string>) =>
  String(v)
    .split(',')
    .map((part) => (labels instanceof Map ? labels.get(part) : labels[part]) ?? part)
    .join(', ');

/** The offered soorten of a stored soortenMelding setting (JSON text), by label. */
function soortenText(v: TValue): string {
  try {
    const list = JSON.parse(String(v)) as { label: string; actief: boolean }[];
    return list
      .filter((s) => s.actief)
      .map((s) => s.label)
      .join(', ');
  } catch {
    return String(v);
  }
}

/** One phrase per detail key; null leaves it out (ids and technical counters mean nothing to a reader). */
const DETAIL: Record<string, (v: TValue) => string | null> = {
  van: (v) => `van ${roleLabel(v)}`,
  naar: (v) => `naar ${roleLabel(v)}`,
  role: (v) => `rol ${roleLabel(v)}`,
  sessiesBeeindigd: (v) => count(v, 'sessie beëindigd', 'sessies beëindigd'),
  otherSessionsEnded: (v) => count(v, 'andere sessie beëindigd', 'andere sessies beëindigd'),
  ended: (v) => count(v, 'sessie beëindigd', 'sessies beëindigd'),
  gebruikers: (v) => count(v, 'gebruiker', 'gebruikers'),
  reason: (v) => `reden: ${REASONS[String(v)] ?? String(v).replace(/_/g, ' ')}`,
  scope: (v) => (v === 'ip' ? 'IP-adres' : 'account'),
  until: (v) => `tot ${dateTime.format(new Date(String(v)))}`,
  method: (v) => (v === 'oidc' ? 'via organisatieaccount' : 'met wachtwoord'),
  step: () => null,
  timeStep: () => null,
  idpMfa: (v) => `tweede factor door de organisatie: ${yesNo(v)}`,
  pinned: (v) => (v ? 'account bij de organisatie vastgelegd' : null),
  meldingen: (v) => count(v, 'melding', 'meldingen'),
  nietAfgesloten: (v) => count(v, 'niet afgeronde melding', 'niet afgeronde meldingen'),
  termMaanden: (v) => `bewaartermijn ${v} maanden`,
  losseBerichten: (v) => count(v, 'los bericht', 'losse berichten'),
  uitMailbox: (v) => `${v} uit de mailbox verwijderd`,
  openstaandInMailbox: (v) => `${v} nog te verwijderen uit de mailbox`,
  achtergeblevenBytes: (v) =>
    v ? count(v, 'achtergebleven bijlagedeel', 'achtergebleven bijlagedelen') : null,
  rijen: (v) => count(v, 'rij', 'rijen'),
  filters: (v) => (v ? `filters: ${String(v)}` : null),
  velden: (v) => (v ? `gewijzigd: ${String(v).split(',').join(', ')}` : null),
  geheimVervangen: (v) => (v ? 'wachtwoord of geheim vervangen' : null),
  mislukt: (v) => (v ? `mislukt: ${list(v, CONNECTION_STEPS)}` : null),
  gemeenten: (v) => count(v, 'gemeente', 'gemeenten'),
  postcodebereiken: (v) => count(v, 'postcodebereik', 'postcodebereiken'),
  mailboxes: (v) => count(v, 'mailbox', 'mailboxen'),
  totpSecrets: (v) => count(v, 'TOTP-geheim', 'TOTP-geheimen'),
  alreadyCurrent: (v) => `${v} al actueel`,
  uitkomst: (v) => enumLabel(v),
  prioriteit: (v) =>
    `prioriteit ${(PRIORITEIT_LABELS[String(v) as keyof typeof PRIORITEIT_LABELS] ?? String(v)).toLowerCase()}`,
  soort: (v) => (v === 'bsn' ? 'op BSN' : 'op tekst'),
  resultaten: (v) => count(v, 'resultaat', 'resultaten'),
  field: (v) => `veld ${FIELD_LABELS.get(String(v)) ?? String(v)}`,
  attempts: (v) => `na ${count(v, 'poging', 'pogingen')}`,
  version: (v) => `versie ${v}`,
  warnings: (v) => (v ? count(v, 'waarschuwing', 'waarschuwingen') : null),
  doorgestuurd: (v) => (v ? 'doorgestuurd door een ander meldpunt' : null),
  soortenMelding: (v) => `soorten melding: ${soortenText(v)}`,
  signaalNaar: (v) => `signaal: ${String(v)}`,
  signaalVerstuurdNaar: (v) => `signaal: ${String(v)}`,
};

/** The details of an event as one Dutch line ('' when there is nothing to say). */
export function describeAuditDetails(details: unknown): string {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details as Record<string, TValue>)) {
    if (value === null || value === undefined) continue;
    const setting = SETTING_LABELS[key];
    const phrase = DETAIL[key]
      ? DETAIL[key](value)
      : setting
        ? `${setting}: ${typeof value === 'boolean' ? yesNo(value) : String(value)}`
        : /Id$/.test(key)
          ? null
          : `${key}: ${String(value)}`;
    if (phrase) parts.push(phrase);
  }
  return parts.join(' · ');
}
