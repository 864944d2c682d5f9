import 'server-only';
import type {
  BeoordelingUitkomst,
  ContactKanaal,
  MeldingStatus,
  OutgoingKind,
  OutgoingState,
  Prioriteit,
  Uitkomst,
} from '../db/generated/enums';
import type { TCorrection } from './form-fields';
import { readReadableMail } from './read-readable-mail';
import { findMeldingInScope, type TActing } from './melding-scope';

/** Audit actions that count as looking at a melding, for "who viewed it when". */
const VIEW_ACTIONS = ['melding.bekeken', 'melding.bijlage_gedownload', 'melding.email_bekeken'];

export type TTimelineEvent = { at: Date } & (
  | { type: 'ontvangen'; version: number }
  | {
      type: 'status';
      from: MeldingStatus | null;
      to: MeldingStatus;
      uitkomst: Uitkomst | null;
      reason: string | null;
      by: string | null;
    }
  | { type: 'beoordeling'; uitkomst: BeoordelingUitkomst; prioriteit: Prioriteit; reden: string; by: string }
  | { type: 'notitie'; text: string; by: string }
  | { type: 'contact'; contactAt: Date; withWhom: string; kanaal: ContactKanaal; outcome: string; by: string }
  | {
      type: 'uitgaand';
      id: string;
      kind: OutgoingKind;
      recipient: string;
      subject: string;
      body: string;
      state: OutgoingState;
      sentAt: Date | null;
      lastError: string | null;
      attempts: number;
    }
  | {
      type: 'reactie';
      id: string;
      from: string | null;
      subject: string | null;
      text: string | null;
      /** The sender's authenticity as the worker found it: verified, or accepted under MONITOR. */
      verified: boolean;
      authenticityReason: string | null;
    }
  | { type: 'herontvangen'; id: string }
  | { type: 'automatisch'; id: string; bounce: boolean; from: string | null; subject: string | null }
  | { type: 'correctie'; field: string; from: string | null; to: string | null; by: string }
  | { type: 'bekeken'; action: string; by: string }
);

const who = (u: { name: string | null; email: string } | null) => (u ? (u.name ?? u.email) : null);

/**
 * Everything that happened to a melding, newest first. Part of the melding's page, whose view
 * getMeldingById audits; scoped like every melding read.
 */
export async function getMeldingTimeline(opts: TActing & { meldingId: string }): Promise<TTimelineEvent[]> {
  const m = await findMeldingInScope({
    ...opts,
    action: 'melding.tijdlijn',
    select: { id: true, corrections: true },
  });
  const author = { select: { name: true, email: true } };
  const [versies, status, beoordelingen, notes, contacts, outgoing, replies, views] = await Promise.all([
    opts.db.meldingVersie.findMany({
      where: { meldingId: m.id },
      select: { version: true, receivedAt: true },
    }),
    opts.db.statusChange.findMany({ where: { meldingId: m.id }, include: { actor: author } }),
    opts.db.beoordeling.findMany({ where: { meldingId: m.id }, include: { author } }),
    opts.db.note.findMany({ where: { meldingId: m.id }, include: { author } }),
    opts.db.contactMoment.findMany({ where: { meldingId: m.id }, include: { author } }),
    opts.db.outgoingMail.findMany({ where: { meldingId: m.id } }),
    // Only what the decision core put on the melding: an unverified or late reply waits in the work queue.
    opts.db.inboundMessage.findMany({
      where: {
        meldingId: m.id,
        OR: [
          { outcome: { in: ['REPLY_LINKED', 'RESEND_ACCEPTED', 'AUTO_REPLY_LINKED', 'BOUNCE'] } },
          { outcome: null, kind: 'REACTIE', state: 'PROCESSED' },
        ],
      },
      select: {
        id: true,
        receivedAt: true,
        rawHash: true,
        readable: true,
        fromAddress: true,
        subject: true,
        outcome: true,
        authenticity: true,
      },
    }),
    opts.db.auditEvent.findMany({
      where: { objectType: 'melding', objectId: m.id, action: { in: VIEW_ACTIONS }, outcome: 'SUCCESS' },
      select: { at: true, action: true, actorLabel: true },
      orderBy: { at: 'desc' },
      take: 200,
    }),
  ]);
  const events: TTimelineEvent[] = [
    ...versies.map((v) => ({ type: 'ontvangen' as const, at: v.receivedAt, version: v.version })),
    ...status.map((s) => ({
      type: 'status' as const,
      at: s.createdAt,
      from: s.from,
      to: s.to,
      uitkomst: s.uitkomst,
      reason: s.reason,
      by: who(s.actor),
    })),
    ...beoordelingen.map((b) => ({
      type: 'beoordeling' as const,
      at: b.createdAt,
      uitkomst: b.uitkomst,
      prioriteit: b.prioriteit,
      reden: b.reden,
      by: who(b.author)!,
    })),
    ...notes.map((n) => ({ type: 'notitie' as const, at: n.createdAt, text: n.text, by: who(n.author)! })),
    ...contacts.map((c) => ({
      type: 'contact' as const,
      at: c.createdAt,
      contactAt: c.at,
      withWhom: c.withWhom,
      kanaal: c.kanaal,
      outcome: c.outcome,
      by: who(c.author)!,
    })),
    ...outgoing.map((g) => ({
      type: 'uitgaand' as const,
      at: g.createdAt,
      id: g.id,
      kind: g.kind,
      recipient: g.recipient,
      subject: g.subject,
      body: g.body,
      state: g.state,
      sentAt: g.sentAt,
      lastError: g.lastError,
      attempts: g.attempts,
    })),
    ...(await Promise.all(
      replies.map(async (r): Promise<TTimelineEvent> => {
        if (r.outcome === 'RESEND_ACCEPTED') return { type: 'herontvangen', at: r.receivedAt, id: r.id };
        if (r.outcome === 'AUTO_REPLY_LINKED' || r.outcome === 'BOUNCE')
          return {
            type: 'automatisch',
            at: r.receivedAt,
            id: r.id,
            bounce: r.outcome === 'BOUNCE',
            from: r.fromAddress,
            subject: r.subject,
          };
        const mail = await readReadableMail({ db: opts.db, message: r });
        const authenticity = r.authenticity as { verdict?: string; reason?: string | null } | null;
        return {
          type: 'reactie',
          at: r.receivedAt,
          id: r.id,
          from: mail?.from ?? r.fromAddress,
          subject: mail?.subject ?? r.subject,
          text: mail?.text ?? null,
          verified: authenticity?.verdict === 'pass',
          authenticityReason: authenticity?.reason ?? null,
        };
      }),
    )),
    ...(m.corrections as TCorrection[]).map((c) => ({
      type: 'correctie' as const,
      at: new Date(c.at),
      field: c.field,
      from: c.from,
      to: c.to,
      by: c.by,
    })),
    ...views.map((v) => ({ type: 'bekeken' as const, at: v.at, action: v.action, by: v.actorLabel })),
  ];
  return events.sort((a, b) => b.at.getTime() - a.at.getTime());
}
