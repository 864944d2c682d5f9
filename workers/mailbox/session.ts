/**
 * One mailbox, held by this worker: IMAP IDLE for new mail plus a reconciliation by UID on a
 * timer. Per message: fetch → raw bytes committed to the ledger → processed (one transaction) →
 * moved to its folder. A crash anywhere repeats only what was not committed; nothing is lost and
 * nothing is done twice.
 */
import { ImapFlow } from 'imapflow';
import type { TKeyring } from '../../lib/secrets/crypto';
import type { TDb } from '../../lib/db/client';
import { CHUNK_BYTES } from '../../lib/bytes/byte-pool';
import { putBytes } from '../../lib/bytes/put-bytes';
import { readBytes } from '../../lib/bytes/read-bytes';
import type { Mailbox } from '../../lib/db/generated/client';
import { errFields, getLogger } from '../../lib/log';
import { personIdentities } from '../../lib/same-person';
import { Wakeup } from '../../lib/sleep';
import { getMailboxLogin, MailboxConfigError } from '../../lib/mailbox/credentials';
import { setMailboxSessionState } from '../../lib/metrics/set-mailbox-session-state';
import { imapOptions } from '../../lib/mailbox/transports';
import { warmParser } from '../../lib/form';
import { beginInboundAttempt } from '../../lib/ingest/begin-inbound-attempt';
import { markInboundFailure } from '../../lib/ingest/mark-inbound-failure';
import { markInboundMoved } from '../../lib/ingest/mark-inbound-moved';
import { storeInboundMessage } from '../../lib/ingest/store-inbound-message';
import { scheduleRecording } from '../../lib/ingest/schedule-recording';
import { ensureFolders } from './folders';
import { analyseInbound, recordInbound, type TAnalysis } from '../ingest/process-inbound';

const log = getLogger('mailbox');

export type TSessionConfig = { maxAttempts: number; maxCrashes: number; fetchBatchBytes: number };

function isAuthFailure(err: unknown): boolean {
  const e = err as { authenticationFailed?: boolean; serverResponseCode?: string };
  return e?.authenticationFailed === true || e?.serverResponseCode === 'AUTHENTICATIONFAILED';
}

export async function runMailboxSession(opts: {
  db: TDb;
  mailbox: Mailbox;
  ring: TKeyring;
  signal: AbortSignal;
  config: TSessionConfig;
  lockLost: Promise<void>;
}): Promise<void> {
  const { db, mailbox: mb, signal } = opts;
  // The PDF engine loads in the parse worker while we connect, not when the first melding waits for it.
  warmParser();
  const login = await getMailboxLogin(mb, opts.ring);
  const client = new ImapFlow(imapOptions(mb, login));
  const wakeup = new Wakeup();
  let closed = false;
  client.on('error', (err) =>
    log.warn({
      msg: 'imap connection error',
      code: 'mailbox_imap_error',
      mailbox: mb.name,
      err: errFields(err),
    }),
  );
  client.on('close', () => ((closed = true), wakeup.wake()));
  client.on('exists', wakeup.wake);
  void opts.lockLost.then(() => ((closed = true), wakeup.wake()));
  setMailboxSessionState(mb.name, 'connecting');
  try {
    await client.connect();
  } catch (err) {
    if (isAuthFailure(err))
      throw new MailboxConfigError(
        'Inloggen op de mailbox mislukt: gebruikersnaam, wachtwoord of app-rechten kloppen niet',
      );
    throw err;
  }
  try {
    await ensureFolders(client, mb);
    // Opened, not locked: imapflow only starts IDLE on a connection without a held lock.
    await client.mailboxOpen(mb.inboxFolder);
    log.info({ msg: 'mailbox session started', code: 'mailbox_session_started', mailbox: mb.name });
    while (!signal.aborted && !closed) {
      setMailboxSessionState(mb.name, 'syncing');
      await reconcile(opts, client);
      await processRetried(opts);
      await db.mailbox.update({ where: { id: mb.id }, data: { lastSyncAt: new Date() } });
      setMailboxSessionState(mb.name, 'idle');
      await wakeup.wait(mb.pollIntervalSec * 1000, signal);
    }
    if (closed && !signal.aborted) throw new Error('IMAP-verbinding of databasevergrendeling verbroken');
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * A ledger row waiting for its outcome, with its raw bytes (or their hash in the byte store).
 * `suspect`: an attempt on it began and never ended — it was in processing when the worker died.
 */
type TWaiting = {
  id: string;
  uid: number;
  receivedAt: Date;
  rawHash: string | null;
  raw: Buffer | null;
  suspect: boolean;
};

const isSuspect = (row: { attemptStartedAt: Date | null }) => row.attemptStartedAt !== null;

/** Messages worked out ahead of the ones being recorded (mailparser and the parse worker run meanwhile). */
const ANALYSE_AHEAD = 4;
/** Outcomes recorded at once, each in its own transaction on its own connection. */
const RECORD_AT_ONCE = 3;

/**
 * What a melding's recording reads and writes beyond its own rows: its kenmerk (versions) and its
 * person (the "herhaling" flag looks for earlier meldingen about them). Two meldingen that share
 * none of these may be recorded side by side; null means: record this one alone, in turn.
 */
function sharedKeys(a: TAnalysis): string[] | null {
  const f = a.form?.parsed?.ok ? a.form.parsed.formulier : null;
  if (a.classification?.kind !== 'melding' || !f) return null;
  // A mail with large attachments is written alone, so it does not hold memory and connections beside others.
  if ((a.mail?.attachments ?? []).reduce((sum, att) => sum + att.size, 0) > CHUNK_BYTES) return null;
  return [`kenmerk:${f.kenmerk.toUpperCase()}`, ...personIdentities(f.betrokkene)];
}

/**
 * Processes waiting messages. Those that were in processing when the worker last died go first,
 * each alone, so that a message that kills the process is found out and parked
 * (lib/ingest/begin-inbound-attempt.ts) rather than retried forever in company; then the rest.
 */
async function processInOrder(
  opts: { db: TDb; mailbox: Mailbox; config: TSessionConfig },
  waiting: TWaiting[],
): Promise<void> {
  for (const w of waiting) if (w.suspect) await processTogether(opts, [w]);
  await processTogether(
    opts,
    waiting.filter((w) => !w.suspect),
  );
}

/**
 * Processes waiting messages in UID order (lib/ingest/schedule-recording.ts): up to ANALYSE_AHEAD
 * of them analysed ahead, up to RECORD_AT_ONCE outcomes recorded at a time, but never two
 * meldingen with the same kenmerk or person at once, and anything else (and a mail with large
 * attachments) alone. A failure is recorded against its message only.
 */
async function processTogether(
  opts: { db: TDb; mailbox: Mailbox; config: TSessionConfig },
  waiting: TWaiting[],
): Promise<void> {
  const { db, mailbox: mailbox } = opts;
  const alone = waiting.length === 1;
  await scheduleRecording({
    items: waiting,
    prepareAhead: ANALYSE_AHEAD,
    recordAtOnce: RECORD_AT_ONCE,
    prepare: async (w) => {
      const held = w.raw;
      w.raw = null; // the analysis holds it now, and lets go once recorded
      // Counted before anything can go wrong, in its own transaction: a crash from here on is seen.
      const attempt = await beginInboundAttempt({
        db,
        inboundId: w.id,
        alone,
        maxCrashes: opts.config.maxCrashes,
        errorFolder: mailbox.errorFolder,
      });
      if (attempt === 'parked')
        log.error({
          msg: 'message parked: it crashed the worker',
          code: 'ingest_parked_crash',
          mailbox: mailbox.name,
          uid: w.uid,
        });
      if (attempt !== 'process') return null;
      const raw = held ?? (w.rawHash ? await readBytes({ db, sha256: w.rawHash }) : null);
      if (!raw) throw new Error('ruwe berichtinhoud ontbreekt');
      const input = { db, mailbox: mailbox, inboundId: w.id, raw, receivedAt: w.receivedAt };
      return { input, analysis: await analyseInbound(input) };
    },
    sharedKeys: ({ analysis }) => sharedKeys(analysis),
    record: (_w, { input, analysis }) => recordInbound(input, analysis),
    failed: async (w, err) => {
      const outcome = await markInboundFailure({
        db,
        inboundId: w.id,
        error: errFields(err).message,
        maxAttempts: opts.config.maxAttempts,
        errorFolder: mailbox.errorFolder,
      });
      log.error({
        msg: 'processing failed',
        code: outcome === 'parked' ? 'ingest_parked' : 'ingest_failed',
        mailbox: mailbox.name,
        uid: w.uid,
        err: errFields(err),
      });
    },
  });
}

/**
 * Parked messages a beheerder offered again (lib/ingest/retry-parked-message.ts) are no longer in
 * the inbox: processed from the raw bytes in the ledger; the message stays in its folder.
 */
async function processRetried(opts: { db: TDb; mailbox: Mailbox; config: TSessionConfig }): Promise<void> {
  const { db, mailbox: mailbox } = opts;
  const rows = await db.inboundMessage.findMany({
    where: {
      mailboxId: mailbox.id,
      state: { in: ['STORED', 'FAILED'] },
      movedTo: { not: null },
      OR: [{ retryAt: null }, { retryAt: { lte: new Date() } }],
    },
    select: { id: true, uid: true, receivedAt: true, rawHash: true, attemptStartedAt: true },
    orderBy: { uid: 'asc' },
  });
  await processInOrder(
    opts,
    rows.map((r) => ({
      id: r.id,
      uid: Number(r.uid),
      receivedAt: r.receivedAt,
      rawHash: r.rawHash,
      raw: null,
      suspect: isSuspect(r),
    })),
  );
}

/** Waits for processing, and is due: a message put off for DNS trouble waits for its retryAt. */
const isWaiting = (row: { state: string; retryAt?: Date | null }) =>
  (row.state === 'STORED' || row.state === 'FAILED') && !(row.retryAt && row.retryAt > new Date());

/**
 * UIDs in batches of at most `maxBytes` (a single larger message is a batch of its own), so a
 * backlog is never held in memory at once.
 */
function batchesBySize(sizes: { uid: number; size?: number }[], maxBytes: number): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  let bytes = 0;
  for (const s of sizes) {
    if (batch.length && bytes + (s.size ?? 0) > maxBytes) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(s.uid);
    bytes += s.size ?? 0;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

type TFetched = Awaited<ReturnType<ImapFlow['fetchAll']>>[number];

/**
 * A fetched batch into the ledger in one commit (one flush to disk, not one per message); the
 * messages that still need processing, with their bytes.
 */
async function storeBatch(
  db: TDb,
  mailboxId: string,
  uidValidity: bigint,
  msgs: TFetched[],
): Promise<TWaiting[]> {
  const withSource = msgs.flatMap((m) => (m.source ? [{ ...m, source: m.source }] : []));
  // The bytes first, in the byte store; the ledger rows that name them in one commit after.
  const hashes = await putBytes({ db, values: withSource.map((m) => m.source) });
  const stored = await db.$transaction(
    async (tx) => {
      const rows = [];
      for (const [i, m] of withSource.entries()) {
        const row = await storeInboundMessage(tx, {
          mailboxId,
          uidValidity,
          uid: BigInt(m.uid),
          rawHash: hashes[i]!,
          size: m.source.length,
          receivedAt: m.internalDate instanceof Date ? m.internalDate : new Date(),
          messageId: m.envelope?.messageId ?? null,
          subject: m.envelope?.subject ?? null,
          fromAddress: m.envelope?.from?.[0]?.address ?? null,
        });
        rows.push({ row, uid: m.uid, raw: m.source });
      }
      return rows;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return stored
    .filter(({ row }) => isWaiting(row))
    .map(({ row, uid, raw }) => ({
      id: row.id,
      uid,
      receivedAt: row.receivedAt,
      rawHash: row.rawHash,
      raw,
      suspect: isSuspect(row),
    }));
}

/**
 * Every message in the inbox, by UID: process what the ledger holds but has not finished, then
 * fetch what is new batch by batch — each batch stored and committed before any of it is
 * processed, the next batch fetched while this one is processed — and move what is done.
 */
async function reconcile(
  opts: { db: TDb; mailbox: Mailbox; config: TSessionConfig },
  client: ImapFlow,
): Promise<void> {
  const { db, mailbox: mailbox } = opts;
  const box = client.mailbox;
  if (!box) throw new Error('geen map geopend');
  const uidValidity = BigInt(box.uidValidity);
  const uids = ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
  if (!uids.length) return;

  const known = new Map(
    (
      await db.inboundMessage.findMany({
        where: { mailboxId: mailbox.id, uidValidity, uid: { in: uids.map(BigInt) } },
      })
    ).map((r) => [Number(r.uid), r]),
  );
  await processInOrder(
    opts,
    uids.flatMap((uid) => {
      const row = known.get(uid);
      return row && isWaiting(row)
        ? [
            {
              id: row.id,
              uid,
              receivedAt: row.receivedAt,
              rawHash: row.rawHash,
              raw: null,
              suspect: isSuspect(row),
            },
          ]
        : [];
    }),
  );

  const missing = uids.filter((u) => !known.has(u));
  if (missing.length) {
    const sizes = await client.fetchAll(missing.join(','), { uid: true, size: true }, { uid: true });
    const batches = batchesBySize(sizes, opts.config.fetchBatchBytes);
    const fetchBatch = (batch: number[]) => {
      const fetched = client.fetchAll(
        batch.join(','),
        { uid: true, source: true, internalDate: true, envelope: true },
        { uid: true },
      );
      fetched.catch(() => {}); // awaited in turn below
      return fetched;
    };
    let next = batches.length ? fetchBatch(batches[0]!) : null;
    for (let b = 0; next; b++) {
      const msgs = await next;
      const waiting = await storeBatch(db, mailbox.id, uidValidity, msgs);
      msgs.length = 0;
      // No IMAP command runs while processing, so the next batch can come in meanwhile.
      next = b + 1 < batches.length ? fetchBatch(batches[b + 1]!) : null;
      await processInOrder(opts, waiting);
    }
  }

  // Moves last, after the outcome is committed; recorded per folder, one MOVE each.
  const done = await db.inboundMessage.findMany({
    where: {
      mailboxId: mailbox.id,
      uidValidity,
      uid: { in: uids.map(BigInt) },
      movedTo: null,
      targetFolder: { not: null },
    },
    select: { id: true, uid: true, targetFolder: true },
  });
  const byFolder = new Map<string, { ids: string[]; uids: number[] }>();
  for (const r of done) {
    if (r.targetFolder === mailbox.inboxFolder) continue;
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
