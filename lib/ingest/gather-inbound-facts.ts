import 'server-only';
import type { TDb } from '../db/client';
import type { InboundOutcome, Mailbox } from '../db/generated/client';
import type { TClassification } from '../mail/classify';
import { parseMeldingSubject } from '../mail/subject';
import type { TInboundFacts } from './decide';

const ACCEPTED: InboundOutcome[] = ['MELDING_ACCEPTED', 'MELDING_ACCEPTED_WARNINGS', 'RESEND_ACCEPTED'];
const REFUSED: InboundOutcome[] = ['FOUTMELDING_SENT', 'RESEND_REFUSED'];

type TEarlier = {
  outcome: InboundOutcome | null;
  state: string;
  kind: string | null;
  meldingId: string | null;
  error: string | null;
  subject: string | null;
  targetFolder: string | null;
  melding: { kenmerk: string } | null;
};

/** What the earlier delivery came to; rows from before the outcome column are read by state and kind. */
function earlierOutcome(e: TEarlier): NonNullable<TInboundFacts['duplicateOf']> {
  const accepted = e.outcome
    ? ACCEPTED.includes(e.outcome)
    : e.state === 'PROCESSED' && e.meldingId !== null && (e.kind === 'MELDING' || e.kind === 'DOORGESTUURD');
  const refused = e.outcome
    ? REFUSED.includes(e.outcome)
    : e.state === 'PROCESSED' && e.meldingId === null && e.kind === 'MELDING' && e.error !== null;
  return {
    outcome: accepted ? 'accepted' : refused ? 'refused' : 'other',
    meldingId: e.meldingId,
    kenmerk: e.melding?.kenmerk ?? parseMeldingSubject(e.subject)?.kenmerk ?? null,
    reason: e.error,
  };
}

/**
 * What the database knows about a stored message that the decision core needs: an earlier
 * delivery of it, a release from quarantine, earlier deferrals, and the melding a reply or
 * auto-reply refers to (with whether it is closed or anonymised). Reads only.
 */
export async function gatherInboundFacts(opts: {
  db: TDb;
  mailbox: Mailbox;
  inboundId: string;
  classification: TClassification | null;
  /** Our outgoing mail the message refers to: Message-ID → its melding. */
  referenced: Map<string, string | null>;
}) {
  const row = await opts.db.inboundMessage.findUniqueOrThrow({
    where: { id: opts.inboundId },
    select: {
      releasedBy: true,
      resolution: true,
      outcome: true,
      deferrals: true,
      duplicateOfId: true,
      subject: true,
      messageId: true,
      // Current, not the session's copy of the mailbox: a policy change applies to the next message.
      mailbox: { select: { authenticityPolicy: true } },
    },
  });
  const earlier = row.duplicateOfId
    ? await opts.db.inboundMessage.findUnique({
        where: { id: row.duplicateOfId },
        select: {
          outcome: true,
          state: true,
          kind: true,
          meldingId: true,
          error: true,
          subject: true,
          targetFolder: true,
          melding: { select: { kenmerk: true } },
        },
      })
    : null;
  const decided = earlier && earlier.state !== 'STORED' && earlier.state !== 'FAILED' ? earlier : null;

  const c = opts.classification;
  let meldingId: string | null = null;
  if (c?.kind === 'reply') {
    meldingId = (c.inReplyTo ? opts.referenced.get(c.inReplyTo) : null) ?? null;
    if (!meldingId && c.kenmerk)
      meldingId =
        (
          await opts.db.melding.findUnique({
            where: { mailboxId_kenmerk: { mailboxId: opts.mailbox.id, kenmerk: c.kenmerk } },
            select: { id: true },
          })
        )?.id ?? null;
  } else if (c?.kind === 'auto') {
    meldingId = [...opts.referenced.values()].find((id): id is string => !!id) ?? null;
  }
  const melding = meldingId
    ? await opts.db.melding.findUnique({
        where: { id: meldingId },
        select: { id: true, status: true, anonymisedAt: true },
      })
    : null;

  // Only a Message-ID we generated for an open test of this very mailbox makes a zelftest.
  const zelftest = row.messageId
    ? (await opts.db.ketenZelftest.count({
        where: { mailboxId: opts.mailbox.id, messageId: row.messageId, inboundMessageId: null },
      })) > 0
    : false;
  const facts: Omit<TInboundFacts, 'maxDeferrals'> = {
    zelftest,
    policy: row.mailbox.authenticityPolicy,
    released: row.releasedBy !== null,
    registerByHand: row.resolution === 'REGISTERED',
    deferrals: row.deferrals,
    duplicateOf: decided ? earlierOutcome(decided) : null,
    linkedMelding: melding
      ? {
          meldingId: melding.id,
          closed: melding.status === 'AFGEROND',
          anonymised: melding.anonymisedAt !== null,
        }
      : null,
  };
  return {
    facts,
    storedSubject: row.subject,
    storedMessageId: row.messageId,
    releasedBy: row.releasedBy,
    /** What the message was before a person asked to register it; it returns there if that fails. */
    previousOutcome: row.outcome,
    duplicateFolder: decided?.targetFolder ?? null,
  };
}
