import 'server-only';
import { personKey } from '../audit/audit';

/** The audit log's person key for a melding's betrokkene, from its stored columns. */
export function meldingPersonKey(m: {
  bsn: string | null;
  achternaam: string | null;
  geboortedatum: Date | null;
}): string | null {
  return personKey({
    bsn: m.bsn,
    achternaam: m.achternaam,
    geboortedatum: m.geboortedatum?.toISOString().slice(0, 10) ?? null,
  });
}
