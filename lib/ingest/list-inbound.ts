import 'server-only';
import type { TDb } from '../db/client';
import type { InboundOutcome, Prisma } from '../db/generated/client';
import { kenmerkFromSubject } from '../mail/subject';
import {
  nextAction,
  stateCode,
  STATE_LABELS,
  type TInboundStateCode,
  type TNextAction,
} from './inbound-codes';

export type TInboundListItem = {
  id: string;
  receivedAt: string;
  mailbox: string;
  messageId: string | null;
  subject: string | null;
  kenmerk: string | null;
  state: TInboundStateCode;
  reason: string;
  meldingId: string | null;
  nextAction: TNextAction;
};

const UNFINISHED = ['STORED', 'FAILED', 'PARKED'] as const;

/** The ledger rows whose state code is `code`, as a Prisma filter. */
export function whereStateCode(code: TInboundStateCode): Prisma.InboundMessageWhereInput {
  switch (code) {
    case 'pending':
      return { state: 'STORED', OR: [{ outcome: null }, { outcome: { not: 'AUTH_DEFERRED' } }] };
    case 'auth_deferred':
      return { state: 'STORED', outcome: 'AUTH_DEFERRED' };
    case 'retrying':
      return { state: 'FAILED' };
    case 'parked':
      return { state: 'PARKED' };
    default:
      return { state: { notIn: [...UNFINISHED] }, outcome: code.toUpperCase() as InboundOutcome };
  }
}

const PAGE = 500;

/**
 * Every message in the ingestion ledger, oldest first, with its stable state and next-action
 * codes (lib/ingest/inbound-codes.ts), page by page so a large ledger never sits in memory.
 * For the operator CLI: no personal data beyond the subject line the police put on the mail.
 */
export async function* listInbound(opts: {
  db: TDb;
  states?: TInboundStateCode[];
  since?: Date;
}): AsyncGenerator<TInboundListItem> {
  const where: Prisma.InboundMessageWhereInput = {
    ...(opts.since ? { receivedAt: { gte: opts.since } } : {}),
    ...(opts.states?.length ? { OR: opts.states.map(whereStateCode) } : {}),
  };
  let cursor: string | undefined;
  for (;;) {
    const rows = await opts.db.inboundMessage.findMany({
      where,
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        receivedAt: true,
        messageId: true,
        subject: true,
        state: true,
        outcome: true,
        resolution: true,
        kind: true,
        error: true,
        meldingId: true,
        mailbox: { select: { name: true } },
        melding: { select: { kenmerk: true } },
      },
    });
    for (const row of rows) {
      const state = stateCode(row);
      yield {
        id: row.id,
        receivedAt: row.receivedAt.toISOString(),
        mailbox: row.mailbox.name,
        messageId: row.messageId,
        subject: row.subject,
        kenmerk: row.melding?.kenmerk ?? kenmerkFromSubject(row.subject),
        state,
        reason: row.error ?? STATE_LABELS[state],
        meldingId: row.meldingId,
        nextAction: nextAction(row),
      };
    }
    if (rows.length < PAGE) return;
    cursor = rows.at(-1)!.id;
  }
}
