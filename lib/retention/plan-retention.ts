import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { MeldingStatus, Uitkomst } from '../db/generated/enums';
import { EXPUNGE_PENDING, retentionCutoff } from './retention';
import { getSettings } from '../settings/get-settings';
import { requireBeheerder } from '../auth/require-beheerder';

/** Closed meldingen whose term has passed. */
export const expiredMelding = (cutoff: Date): Prisma.MeldingWhereInput => ({
  status: 'AFGEROND',
  closedAt: { lt: cutoff },
});

/**
 * Mail in the ledger that never became a melding (foutmeldingen, other mail, auto-replies),
 * received before the cutoff and finished with: its raw bytes hold personal data too.
 * Parked or failed messages wait for staff and are left alone.
 */
export const expiredLooseMessage = (cutoff: Date): Prisma.InboundMessageWhereInput => ({
  meldingId: null,
  receivedAt: { lt: cutoff },
  state: { in: ['PROCESSED', 'IGNORED', 'QUARANTINED'] },
  OR: [{ error: null }, { error: { not: EXPUNGE_PENDING } }],
});

export type TRetentionPlan = {
  termMaanden: number;
  cutoff: Date;
  /** What the next run removes, oldest first. */
  meldingen: { id: string; kenmerk: string; closedAt: Date; uitkomst: Uitkomst | null }[];
  losseBerichten: number;
  /** Never closed and received longer ago than the term: flagged for the beheerder, never removed. */
  nietAfgesloten: { id: string; kenmerk: string; receivedAt: Date; status: MeldingStatus }[];
  /** Originals of removed meldingen and our Sent copies still to be expunged from a mailbox (retried each run). */
  openstaandInMailbox: number;
  /** Copies of removed outgoing mail still to be expunged (the mailbox was unreachable). */
  kopieenOpenstaand: number;
  /** Sent mails of the meldingen above whose copy in the mailbox's Sent folder the run expunges. */
  kopieenInVerzonden: number;
};

/**
 * The dry run: exactly what runRetention would remove now, and what needs a person's decision.
 * Shown to a person (`actor`), it lists kenmerken: only to a beheerder, and audited.
 */
export async function planRetention(opts: {
  db: TDb;
  now?: Date;
  actor?: TAuditActor;
}): Promise<TRetentionPlan> {
  if (opts.actor) await requireBeheerder(opts.db, opts.actor);
  const { bewaartermijnMaanden } = await getSettings({ db: opts.db });
  const cutoff = retentionCutoff(opts.now ?? new Date(), bewaartermijnMaanden);
  const [meldingen, losseBerichten, nietAfgesloten, openstaandInMailbox] = await Promise.all([
    opts.db.melding.findMany({
      where: expiredMelding(cutoff),
      orderBy: { closedAt: 'asc' },
      select: { id: true, kenmerk: true, closedAt: true, uitkomst: true },
    }),
    opts.db.inboundMessage.count({ where: expiredLooseMessage(cutoff) }),
    opts.db.melding.findMany({
      where: { OR: [{ status: { not: 'AFGEROND' } }, { closedAt: null }], receivedAt: { lt: cutoff } },
      orderBy: { receivedAt: 'asc' },
      select: { id: true, kenmerk: true, receivedAt: true, status: true },
    }),
    opts.db.inboundMessage.count({ where: { error: EXPUNGE_PENDING } }),
  ]);
  const kopieenInVerzonden = await opts.db.outgoingMail.count({
    where: { meldingId: { in: meldingen.map((m) => m.id) }, sentAt: { not: null } },
  });
  const openstaandeKopieen = await opts.db.sentCopyExpunge.count();
  if (opts.actor)
    await audit(opts.db, {
      actor: opts.actor,
      action: 'bewaartermijn.proefrun',
      objectType: 'system',
      details: { meldingen: meldingen.length, nietAfgesloten: nietAfgesloten.length },
    });
  return {
    termMaanden: bewaartermijnMaanden,
    cutoff,
    meldingen: meldingen.map((m) => ({ ...m, closedAt: m.closedAt! })),
    losseBerichten,
    nietAfgesloten,
    openstaandInMailbox,
    kopieenOpenstaand: openstaandeKopieen,
    kopieenInVerzonden,
  };
}
