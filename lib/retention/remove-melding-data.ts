import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TTx } from '../db/client';
import { Prisma } from '../db/generated/client';
import { EXPUNGE_PENDING } from './retention';
import { toMeldingFeit } from '../stats/melding-feit';
import { meldingPersonKey } from '../melding/melding-person-key';

export type TRemovalCounts = {
  berichten: number;
  bijlagen: number;
  versies: number;
  notities: number;
  contactmomenten: number;
  beoordelingen: number;
  statuswijzigingen: number;
  uitgaandeMail: number;
};

/** Ledger rows lose everything but how to find the message in the mailbox, pending its expunge. */
export const STRIPPED_MESSAGE = {
  meldingId: null,
  rawHash: null,
  readable: Prisma.DbNull,
  subject: null,
  fromAddress: null,
  authenticity: Prisma.DbNull,
  state: 'IGNORED',
  error: EXPUNGE_PENDING,
} as const;

/**
 * Outgoing mail about removed data goes, except that a foutmelding is kept as a bare fact (kind,
 * recipient — the chain's signal address — and when it was sent) because statistics count them;
 * its subject and body, which name the kenmerk and the fault, are emptied. Every sent one may
 * have a copy in the mailbox's Sent folder: its Message-ID is queued for expunging
 * (expungeSentCopies, after the commit).
 */
export async function removeOutgoingMail(tx: TTx, where: Prisma.OutgoingMailWhereInput): Promise<number> {
  const sent = await tx.outgoingMail.findMany({
    where: { AND: [where, { sentAt: { not: null } }] },
    select: { mailboxId: true, messageId: true },
  });
  await tx.sentCopyExpunge.createMany({ data: sent, skipDuplicates: true });
  const kept = await tx.outgoingMail.updateMany({
    where: { AND: [where, { kind: 'FOUTMELDING' }] },
    data: {
      subject: '(verwijderd)',
      body: '',
      meldingId: null,
      inboundMessageId: null,
      inReplyTo: null,
      references: [],
    },
  });
  const removed = await tx.outgoingMail.deleteMany({
    where: { AND: [where, { kind: { not: 'FOUTMELDING' } }] },
  });
  return kept.count + removed.count;
}

/**
 * Removes one melding and everything personal that hangs on it — form versions, attachments and
 * PDFs, notes, assessments, status history, outgoing mail, raw mail — inside the caller's
 * transaction, after writing its anonymous MeldingFeit, and leaves a tombstone audit event
 * (ids and counts only). `where` is re-checked under a row lock, so a concurrent run, an
 * erasure or a reopened melding is never removed twice or by mistake. Returns null if it no
 * longer qualifies. The mailbox copies are expunged after the commit (expungePendingMessages).
 */
export async function removeMeldingData(
  tx: TTx,
  opts: {
    meldingId: string;
    where: Prisma.MeldingWhereInput;
    actor: TAuditActor;
    action: string;
    werkdagenBeoordeling: number;
  },
): Promise<TRemovalCounts | null> {
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Melding" WHERE id = ${opts.meldingId}::uuid FOR UPDATE`;
  if (!locked) return null;
  const melding = await tx.melding.findFirst({ where: { AND: [{ id: opts.meldingId }, opts.where] } });
  if (!melding) return null;
  const signal = await tx.outgoingMail.findFirst({
    where: { meldingId: melding.id, kind: 'ACCEPTATIESIGNAAL', sentAt: { not: null } },
    orderBy: { sentAt: 'asc' },
    select: { sentAt: true },
  });
  await tx.meldingFeit.create({
    data: toMeldingFeit(melding, {
      signalSentAt: signal?.sentAt ?? null,
      werkdagenBeoordeling: opts.werkdagenBeoordeling,
    }),
  });

  const messageIds = (
    await tx.inboundMessage.findMany({ where: { meldingId: melding.id }, select: { id: true } })
  ).map((m) => m.id);
  const byMelding = { meldingId: melding.id };
  const counts: TRemovalCounts = {
    bijlagen: (
      await tx.attachment.deleteMany({ where: { OR: [byMelding, { inboundMessageId: { in: messageIds } }] } })
    ).count,
    uitgaandeMail: await removeOutgoingMail(tx, {
      OR: [byMelding, { inboundMessageId: { in: messageIds } }],
    }),
    notities: (await tx.note.deleteMany({ where: byMelding })).count,
    contactmomenten: (await tx.contactMoment.deleteMany({ where: byMelding })).count,
    beoordelingen: (await tx.beoordeling.deleteMany({ where: byMelding })).count,
    statuswijzigingen: (await tx.statusChange.deleteMany({ where: byMelding })).count,
    versies: (await tx.meldingVersie.deleteMany({ where: byMelding })).count,
    berichten: (
      await tx.inboundMessage.updateMany({ where: { id: { in: messageIds } }, data: STRIPPED_MESSAGE })
    ).count,
  };
  await tx.melding.delete({ where: { id: melding.id } });
  await audit(tx, {
    actor: opts.actor,
    action: opts.action,
    objectType: 'melding',
    objectId: melding.id,
    personKey: meldingPersonKey(melding),
    details: counts,
  });
  return counts;
}
