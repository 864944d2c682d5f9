/**
 * The stable codes of a ledger message, as `cli inbound list` prints them and the work queue
 * shows them: its state (what happened) and its next action (what a person does now), with the
 * Dutch text staff read. Pure. Documented in the README ("Postvak en inbound list"); change a
 * code only with that table.
 */
import type { InboundOutcome, MessageKind, ProcessingState, QueueResolution } from '../db/generated/enums';

export type TInboundStateCode = 'pending' | 'retrying' | 'parked' | Lowercase<InboundOutcome>;

export type TNextAction =
  | 'none'
  | 'wait'
  | 'triage_melding'
  | 'request_aanvulling'
  | 'check_foutmelding'
  | 'release_or_reject'
  | 'reprocess_or_handle'
  | 'verify_reply'
  | 'review_reply'
  | 'link_reply'
  | 'contact_officer'
  | 'review_mail';

export type TLedgerRow = {
  state: ProcessingState;
  outcome: InboundOutcome | null;
  resolution: QueueResolution | null;
  /** For rows decided before the outcome column existed (read as the migration's backfill does). */
  kind?: MessageKind | null;
  meldingId?: string | null;
};

function legacyOutcome(row: TLedgerRow): InboundOutcome {
  if (row.state === 'QUARANTINED') return 'QUARANTINED';
  const melding = row.kind === 'MELDING' || row.kind === 'DOORGESTUURD';
  if (melding) return row.meldingId ? 'MELDING_ACCEPTED' : 'FOUTMELDING_SENT';
  if (row.kind === 'REACTIE') return row.meldingId ? 'REPLY_LINKED' : 'REPLY_UNLINKED';
  if (row.kind === 'AUTOMATISCH') return 'AUTO_REPLY';
  return 'OTHER';
}

export function stateCode(row: TLedgerRow): TInboundStateCode {
  if (row.state === 'PARKED') return 'parked';
  if (row.state === 'FAILED') return 'retrying';
  if (row.state === 'STORED') return row.outcome === 'AUTH_DEFERRED' ? 'auth_deferred' : 'pending';
  return (row.outcome ?? legacyOutcome(row)).toLowerCase() as TInboundStateCode;
}

const NEXT: Record<TInboundStateCode, TNextAction> = {
  pending: 'wait',
  retrying: 'wait',
  auth_deferred: 'wait',
  parked: 'reprocess_or_handle',
  melding_accepted: 'triage_melding',
  melding_accepted_warnings: 'request_aanvulling',
  foutmelding_sent: 'check_foutmelding',
  resend_refused: 'check_foutmelding',
  quarantined: 'release_or_reject',
  rejected: 'none',
  reply_linked: 'none',
  reply_unverified: 'verify_reply',
  reply_closed: 'review_reply',
  reply_unlinked: 'link_reply',
  auto_reply_linked: 'contact_officer',
  auto_reply: 'review_mail',
  bounce: 'review_mail',
  other: 'review_mail',
  unreadable: 'review_mail',
  duplicate: 'none',
  resend_accepted: 'none',
};

export function nextAction(row: TLedgerRow): TNextAction {
  if (row.resolution) return 'none';
  return NEXT[stateCode(row)];
}

/** States that belong in the inbox of meldingen rather than the work queue. */
const INBOX_STATES = new Set<TInboundStateCode>([
  'melding_accepted',
  'melding_accepted_warnings',
  'reply_linked',
]);

/** In the work queue: every message that is not simply a processed melding or a linked reply. */
export function inWorkQueue(row: TLedgerRow): boolean {
  return !INBOX_STATES.has(stateCode(row));
}

/** Waiting for a person: in the work queue, not resolved, and not merely waiting for the worker. */
export function isOpen(row: TLedgerRow): boolean {
  const action = nextAction(row);
  return inWorkQueue(row) && action !== 'none' && action !== 'wait';
}

/** The ledger outcomes whose unresolved messages wait for a person (for counting in SQL). */
export const OPEN_OUTCOMES: InboundOutcome[] = [
  'FOUTMELDING_SENT',
  'RESEND_REFUSED',
  'QUARANTINED',
  'REPLY_UNVERIFIED',
  'REPLY_CLOSED',
  'REPLY_UNLINKED',
  'AUTO_REPLY_LINKED',
  'AUTO_REPLY',
  'BOUNCE',
  'OTHER',
  'UNREADABLE',
];

export const STATE_LABELS: Record<TInboundStateCode, string> = {
  pending: 'Wordt verwerkt',
  retrying: 'Verwerking mislukt, wordt opnieuw geprobeerd',
  parked: 'Geparkeerd na herhaalde fouten',
  auth_deferred: 'Echtheidscontrole uitgesteld (DNS), wordt opnieuw geprobeerd',
  melding_accepted: 'Melding geaccepteerd',
  melding_accepted_warnings: 'Melding geaccepteerd, onvolledig',
  foutmelding_sent: 'Foutmelding verstuurd',
  resend_refused: 'Opnieuw ontvangen, foutmelding opnieuw verstuurd',
  quarantined: 'In quarantaine',
  rejected: 'Afgewezen',
  reply_linked: 'Reactie bij de melding gezet',
  reply_unverified: 'Reactie van niet-geverifieerde afzender',
  reply_closed: 'Reactie op afgeronde melding',
  reply_unlinked: 'Reactie zonder melding',
  auto_reply_linked: 'Automatisch antwoord op onze mail',
  auto_reply: 'Automatisch antwoord',
  bounce: 'Onbestelbaar',
  other: 'Overige mail',
  unreadable: 'Onleesbaar bericht',
  duplicate: 'Dubbel ontvangen',
  resend_accepted: 'Opnieuw ontvangen, acceptatiesignaal opnieuw verstuurd',
};

export const NEXT_ACTION_LABELS: Record<TNextAction, string> = {
  none: 'Geen actie nodig',
  wait: 'Geen actie: de worker verwerkt het bericht',
  triage_melding: 'Melding beoordelen in het overzicht',
  request_aanvulling: 'Om aanvulling vragen bij de politie',
  check_foutmelding:
    'Controleren: de politie kreeg een foutmelding. Registreer de melding zelf of neem contact op met de politie',
  release_or_reject: 'Echtheid nagaan, dan vrijgeven of afwijzen',
  reprocess_or_handle: 'Opnieuw verwerken of handmatig afhandelen',
  verify_reply: 'Nagaan of de reactie echt van de politie komt, dan koppelen of afhandelen',
  review_reply: 'Lezen en afhandelen (de melding is afgerond)',
  link_reply: 'Aan een melding koppelen of afhandelen',
  contact_officer: 'De behandelaar is afwezig: telefonisch contact opnemen',
  review_mail: 'Lezen, dan registreren als melding, koppelen of afhandelen',
};

export const RESOLUTION_LABELS: Record<QueueResolution, string> = {
  REGISTERED: 'Geregistreerd als melding',
  LINKED: 'Gekoppeld aan een melding',
  RELEASED: 'Vrijgegeven',
  REJECTED: 'Afgewezen',
  REPROCESSED: 'Opnieuw verwerkt',
  HANDLED: 'Afgehandeld',
};
