import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { getSettings } from '../settings/get-settings';
import { requireBeheerder } from '../auth/require-beheerder';
import { stateCode, type TInboundStateCode } from '../ingest/inbound-codes';

export type TMailboxAlert = 'niet_gesynchroniseerd' | 'geparkeerd' | 'uitgaand_mislukt' | 'fout';

export type TMailboxStatus = {
  id: string;
  name: string;
  active: boolean;
  holder: string | null;
  lastSyncAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  backlog: number;
  parked: number;
  failedOutgoing: number;
  /** Every ledger message by its state code (lib/ingest/inbound-codes.ts). */
  perState: Partial<Record<TInboundStateCode, number>>;
  alerts: TMailboxAlert[];
};

/**
 * Every mailbox with what a beheerder watches: who holds it, when it last synced, what waits
 * (backlog), what was parked, which outgoing mail failed — and the alerts that follow from those,
 * the sync threshold being the beheerder's own setting (syncAlarmMinuten).
 */
export async function listMailboxStatus(opts: {
  db: TDb;
  actor: TAuditActor;
  now?: Date;
}): Promise<TMailboxStatus[]> {
  await requireBeheerder(opts.db, opts.actor);
  const now = opts.now ?? new Date();
  const [mailboxes, settings, inbound, outgoing, ledger] = await Promise.all([
    opts.db.mailbox.findMany({
      orderBy: { name: 'asc' },
      select: {
        id: true,
        name: true,
        active: true,
        holder: true,
        lastSyncAt: true,
        lastError: true,
        lastErrorAt: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    getSettings({ db: opts.db }),
    opts.db.inboundMessage.groupBy({
      by: ['mailboxId', 'state'],
      // A parked message a person dealt with no longer counts as parked.
      where: {
        OR: [{ state: { in: ['STORED', 'FAILED'] } }, { state: 'PARKED', resolution: null }],
      },
      _count: { _all: true },
    }),
    opts.db.outgoingMail.groupBy({
      by: ['mailboxId'],
      where: { state: { in: ['FAILED', 'BOUNCED'] } },
      _count: { _all: true },
    }),
    opts.db.inboundMessage.groupBy({ by: ['mailboxId', 'state', 'outcome'], _count: { _all: true } }),
  ]);
  const threshold = now.getTime() - settings.syncAlarmMinuten * 60_000;
  return mailboxes.map((mb) => {
    const count = (states: string[]) =>
      inbound
        .filter((r) => r.mailboxId === mb.id && states.includes(r.state))
        .reduce((n, r) => n + r._count._all, 0);
    const backlog = count(['STORED', 'FAILED']);
    const parked = count(['PARKED']);
    const failedOutgoing = outgoing.find((r) => r.mailboxId === mb.id)?._count._all ?? 0;
    // A mailbox that never synced is judged from when it was created or last changed.
    const syncedAt = (mb.lastSyncAt ?? (mb.updatedAt > mb.createdAt ? mb.updatedAt : mb.createdAt)).getTime();
    const alerts: TMailboxAlert[] = [];
    if (mb.active && syncedAt < threshold) alerts.push('niet_gesynchroniseerd');
    if (mb.active && mb.lastErrorAt && (!mb.lastSyncAt || mb.lastErrorAt > mb.lastSyncAt))
      alerts.push('fout');
    if (parked) alerts.push('geparkeerd');
    if (failedOutgoing) alerts.push('uitgaand_mislukt');
    return {
      id: mb.id,
      name: mb.name,
      active: mb.active,
      holder: mb.holder,
      lastSyncAt: mb.lastSyncAt,
      lastError: mb.lastError,
      lastErrorAt: mb.lastErrorAt,
      backlog,
      parked,
      failedOutgoing,
      perState: ledger
        .filter((r) => r.mailboxId === mb.id)
        .reduce<Partial<Record<TInboundStateCode, number>>>((counts, r) => {
          const code = stateCode({ ...r, resolution: null });
          counts[code] = (counts[code] ?? 0) + r._count._all;
          return counts;
        }, {}),
      alerts,
    };
  });
}
