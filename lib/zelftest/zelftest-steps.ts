/**
 * The keten-zelftest's steps as the beheerder sees them: sent → seen by IMAP → parsed → signal
 * composed → removed. Pure: the time is given, so a step that takes too long fails with an
 * explanation of what to check.
 */
import type { OutgoingState } from '../db/generated/enums';

export const ZELFTEST_SUBJECT = 'TEST meldpost keten-zelftest (geen echte melding)';

export const ZELFTEST_BODY = [
  'Dit is een testbericht van meldpost (keten-zelftest), verstuurd door een beheerder.',
  'Het is geen melding: alle gegevens zijn verzonnen. Meldpost herkent dit bericht, laat zien dat',
  'verzenden, ophalen en lezen werken, en verwijdert het daarna. Het signaal gaat niet naar de politie.',
  '',
  'Betrokkene: T. Testpersoon (verzonnen), Proefstraat 1, 9999 ZZ Proefstad.',
].join('\n');

/** How long each step may take before it shows as failed. */
export const ZELFTEST_TIMEOUT_MS = 5 * 60_000;

export type TZelftestRow = {
  startedAt: Date;
  seenAt: Date | null;
  parsedAt: Date | null;
  parsed: string | null;
  signalSubject: string | null;
  removedAt: Date | null;
};

export type TZelftestStep = {
  key: 'verzonden' | 'gezien' | 'gelezen' | 'signaal' | 'verwijderd';
  label: string;
  status: 'ok' | 'bezig' | 'fout' | 'wacht';
  detail: string | null;
};

const LABELS: Record<TZelftestStep['key'], string> = {
  verzonden: 'Verzonden via SMTP naar het eigen adres',
  gezien: 'Binnengekomen in de mailbox (IMAP)',
  gelezen: 'Gelezen en herkend als testbericht',
  signaal: 'Acceptatiesignaal samengesteld (niet naar de politie)',
  verwijderd: 'Testbericht verwijderd uit de mailbox',
};

const EXPLAIN: Record<TZelftestStep['key'], string> = {
  verzonden:
    'De mail is niet verzonden. Controleer de SMTP-instellingen van deze mailbox (server, poort, aanmelding) en de uitgaande mail hieronder.',
  gezien:
    'De mail is verzonden maar niet in de mailbox aangekomen. Controleer of het afzenderadres bij deze mailbox hoort, of de mailbox is ingeschakeld en of de verwerking loopt (IMAP-instellingen, map).',
  gelezen: 'Het bericht is binnengekomen maar niet verwerkt. Kijk bij geparkeerde berichten hieronder.',
  signaal: 'Het signaal kon niet worden samengesteld. Kijk in het logboek van de verwerking.',
  verwijderd:
    'Het testbericht kon niet uit de mailbox worden verwijderd. Controleer de IMAP-verbinding; de bewaartermijn-taak probeert het opnieuw.',
};

/** The steps of one zelftest at `now`: done, in progress, failed after the timeout, or waiting. */
export function zelftestSteps(opts: {
  row: TZelftestRow;
  outgoing: { state: OutgoingState; lastError: string | null } | null;
  now: Date;
  timeoutMs?: number;
}): TZelftestStep[] {
  const { row } = opts;
  const sentFailed = opts.outgoing?.state === 'FAILED' || opts.outgoing?.state === 'BOUNCED';
  const done: Record<TZelftestStep['key'], boolean> = {
    verzonden: opts.outgoing?.state === 'SENT' || row.seenAt !== null,
    gezien: row.seenAt !== null,
    gelezen: row.parsedAt !== null,
    signaal: row.signalSubject !== null,
    verwijderd: row.removedAt !== null,
  };
  const late = opts.now.getTime() - row.startedAt.getTime() > (opts.timeoutMs ?? ZELFTEST_TIMEOUT_MS);
  const keys = Object.keys(LABELS) as TZelftestStep['key'][];
  const current = keys.find((k) => !done[k]);
  return keys.map((key) => {
    const detail =
      key === 'verzonden' && sentFailed
        ? `${EXPLAIN.verzonden} Foutmelding: ${opts.outgoing?.lastError ?? 'onbekend'}`
        : key === 'gelezen' && done.gelezen
          ? row.parsed
          : null;
    if (done[key]) return { key, label: LABELS[key], status: 'ok', detail };
    if (key !== current) return { key, label: LABELS[key], status: 'wacht', detail: null };
    if ((key === 'verzonden' && sentFailed) || late)
      return { key, label: LABELS[key], status: 'fout', detail: detail ?? EXPLAIN[key] };
    return { key, label: LABELS[key], status: 'bezig', detail: null };
  });
}
