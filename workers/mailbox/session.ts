/**
 * One mailbox, held by this worker: IMAP IDLE for new mail plus a reconciliation by UID on a
 * timer. Per message: fetch → raw bytes committed to the ledger → processed (one transaction) →
 * moved to its folder. A crash anywhere repeats only what was not committed; nothing is lost and
 * nothing is done twice.
 */
import { ImapFlow } from 'imapflow';
import type { TKeyring } from '../../lib/crypto';
import type { TDb } from '../../lib/db/client';
import type { Mailbox } from '../../lib/db/generated/client';
import { errFields, getLogger } from '../../lib/log';
import { getMailboxLogin, MailboxConfigError } from '../../lib/mailbox/credentials';
import { imapOptions } from '../../lib/mailbox/transports';
import { markInboundFailure } from '../../lib/server/mark-inbound-failure';
import { markInboundMoved } from '../../lib/server/mark-inbound-moved';
import { storeInboundMessage } from '../../lib/server/store-inbound-message';
import { ensureFolders } from './folders';
import { processInbound } from '../ingest/process-inbound';

const log = getLogger('mailbox');

export type TSessionConfig = { maxAttempts: number; fetchBatchBytes: number };

/** Wakes the session loop: new mail (IDLE), the poll timer, or a stop. */
class Wakeup {
  private resolve: (() => void) | null = null;
  private pending = false;
  wake = () => {
    this.pending = true;
    this.resolve?.();
  };
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.resolve = null;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.resolve = done;
    });
  }
}

function isAuthFailure(err: unknown): boolean {
  const e = err as { authenticationFailed?: boolean; serverResponseCode?: string };
  return e?.authenticationFailed === true || e?.serverResponseCode === 'AUTHENTICATIONFAILED';
}

export async function runMailboxSession(o: { db: TDb; mailbox: Mailbox; ring: TKeyring; signal: AbortSignal; config: TSessionConfig; lockLost: Promise<void> }): Promise<void> {
  const { db, mailbox: mb, signal } = o;
  const login = await getMailboxLogin(mb, o.ring);
  const client = new ImapFlow(imapOptions(mb, login));
  const wakeup = new Wakeup();
  let closed = false;
  client.on('error', (err) => log.warn({ msg: 'imap connection error', code: 'mailbox_imap_error', mailbox: mb.name, err: errFields(err) }));
  client.on('close', () => ((closed = true), wakeup.wake()));
  client.on('exists', wakeup.wake);
  void o.lockLost.then(() => ((closed = true), wakeup.wake()));
  try {
    await client.connect();
  } catch (err) {
    if (isAuthFailure(err)) throw new MailboxConfigError('Inloggen op de mailbox mislukt: gebruikersnaam, wachtwoord of app-rechten kloppen niet');
    throw err;
  }
  try {
    await ensureFolders(client, mb);
    // Opened, not locked: imapflow only starts IDLE on a connection without a held lock.
    await client.mailboxOpen(mb.inboxFolder);
    log.info({ msg: 'mailbox session started', code: 'mailbox_session_started', mailbox: mb.name });
    while (!signal.aborted && !closed) {
      await reconcile(o, client);
      await processRetried(o);
      await db.mailbox.update({ where: { id: mb.id }, data: { lastSyncAt: new Date() } });
      await wakeup.wait(mb.pollIntervalSec * 1000, signal);
    }
    if (closed && !signal.aborted) throw new Error('IMAP-verbinding of databasevergrendeling verbroken');
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * Parked messages a beheerder offered again (lib/server/retry-parked-message.ts) are no longer in
 * the inbox: processed from the raw bytes in the ledger; the message stays in its folder.
 */
async function processRetried(o: { db: TDb; mailbox: Mailbox; config: TSessionConfig }): Promise<void> {
  const { db, mailbox: mb } = o;
  const rows = await db.inboundMessage.findMany({ where: { mailboxId: mb.id, state: { in: ['STORED', 'FAILED'] }, movedTo: { not: null } }, select: { id: true, uid: true, raw: true, receivedAt: true } });
  for (const row of rows) {
    if (!row.raw) continue;
    try {
      await processInbound({ db, mailbox: mb, inboundId: row.id, raw: Buffer.from(row.raw), receivedAt: row.receivedAt });
    } catch (err) {
      const outcome = await markInboundFailure({ db, inboundId: row.id, error: errFields(err).message, maxAttempts: o.config.maxAttempts, errorFolder: mb.errorFolder });
      log.error({ msg: 'processing failed', code: outcome === 'parked' ? 'ingest_parked' : 'ingest_failed', mailbox: mb.name, uid: Number(row.uid), err: errFields(err) });
    }
  }
}

/** Every message in the inbox, by UID: store what is new, process what waits, move what is done. */
async function reconcile(o: { db: TDb; mailbox: Mailbox; config: TSessionConfig }, client: ImapFlow): Promise<void> {
  const { db, mailbox: mb } = o;
  const box = client.mailbox;
  if (!box) throw new Error('geen map geopend');
  const uidValidity = BigInt(box.uidValidity);
  const uids = ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
  if (!uids.length) return;

  const known = new Map(
    (await db.inboundMessage.findMany({ where: { mailboxId: mb.id, uidValidity, uid: { in: uids.map(BigInt) } }, omit: { raw: true } })).map((r) => [Number(r.uid), r]),
  );
  const fresh = new Map<number, Buffer>();
  const missing = uids.filter((u) => !known.has(u));
  if (missing.length) {
    // Fetch in batches bounded by size, so a backlog of large messages cannot exhaust memory.
    const sizes = await client.fetchAll(missing.join(','), { uid: true, size: true }, { uid: true });
    let batch: number[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!batch.length) return;
      const msgs = await client.fetchAll(batch.join(','), { uid: true, source: true, internalDate: true, envelope: true }, { uid: true });
      for (const m of msgs) {
        if (!m.source) continue;
        const row = await storeInboundMessage(db, {
          mailboxId: mb.id,
          uidValidity,
          uid: BigInt(m.uid),
          raw: m.source,
          receivedAt: m.internalDate instanceof Date ? m.internalDate : new Date(),
          messageId: m.envelope?.messageId ?? null,
          subject: m.envelope?.subject ?? null,
          fromAddress: m.envelope?.from?.[0]?.address ?? null,
        });
        known.set(m.uid, row);
        fresh.set(m.uid, m.source);
      }
      batch = [];
      bytes = 0;
    };
    for (const s of sizes) {
      if (bytes + (s.size ?? 0) > o.config.fetchBatchBytes) await flush();
      batch.push(s.uid);
      bytes += s.size ?? 0;
    }
    await flush();
  }

  for (const uid of uids) {
    const row = known.get(uid);
    if (!row || (row.state !== 'STORED' && row.state !== 'FAILED')) continue;
    const raw = fresh.get(uid) ?? (await db.inboundMessage.findUniqueOrThrow({ where: { id: row.id }, select: { raw: true } })).raw;
    if (!raw) continue;
    try {
      await processInbound({ db, mailbox: mb, inboundId: row.id, raw: Buffer.from(raw), receivedAt: row.receivedAt });
    } catch (err) {
      const outcome = await markInboundFailure({ db, inboundId: row.id, error: errFields(err).message, maxAttempts: o.config.maxAttempts, errorFolder: mb.errorFolder });
      log.error({ msg: 'processing failed', code: outcome === 'parked' ? 'ingest_parked' : 'ingest_failed', mailbox: mb.name, uid, err: errFields(err) });
    }
  }

  // Moves last, after the outcome is committed; recorded per folder, one MOVE each.
  const done = await db.inboundMessage.findMany({
    where: { mailboxId: mb.id, uidValidity, uid: { in: uids.map(BigInt) }, movedTo: null, targetFolder: { not: null } },
    select: { id: true, uid: true, targetFolder: true },
  });
  const byFolder = new Map<string, { ids: string[]; uids: number[] }>();
  for (const r of done) {
    if (r.targetFolder === mb.inboxFolder) continue;
    const g = byFolder.get(r.targetFolder!) ?? { ids: [], uids: [] };
    g.ids.push(r.id);
    g.uids.push(Number(r.uid));
    byFolder.set(r.targetFolder!, g);
  }
  for (const [folder, g] of byFolder) {
    await client.messageMove(g.uids.join(','), folder, { uid: true });
    await markInboundMoved(db, g.ids, folder);
  }
}
