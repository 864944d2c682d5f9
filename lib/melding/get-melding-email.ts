import 'server-only';
import { audit } from '../audit/audit';
import { meldingPersonKey } from './melding-person-key';
import { findMeldingInScope, type TActing } from './melding-scope';
import { readReadableMail } from './read-readable-mail';

/** The police's e-mail that brought the melding: text part, and its HTML only sanitised. Audited. */
export async function getMeldingEmail(opts: TActing & { meldingId: string }) {
  const m = await findMeldingInScope({
    ...opts,
    action: 'melding.email_bekeken',
    select: { id: true, bsn: true, achternaam: true, geboortedatum: true },
  });
  const message = await opts.db.inboundMessage.findFirst({
    where: { meldingId: m.id, kind: { in: ['MELDING', 'DOORGESTUURD'] } },
    orderBy: { receivedAt: 'desc' },
    select: { id: true, rawHash: true, readable: true, authenticity: true, releasedBy: true },
  });
  await audit(opts.db, {
    actor: opts.actor,
    action: 'melding.email_bekeken',
    objectType: 'melding',
    objectId: m.id,
    personKey: meldingPersonKey(m),
  });
  const mail = message ? await readReadableMail({ db: opts.db, message }) : null;
  if (!message || !mail) return null;
  const authenticity = message.authenticity as { verdict?: string; reason?: string } | null;
  return {
    ...mail,
    authenticity: authenticity
      ? { verdict: authenticity.verdict ?? null, reason: authenticity.reason ?? null }
      : null,
    /** A person released it from quarantine (lib/ingest/release-quarantined.ts). */
    releasedBy: message.releasedBy,
  };
}
