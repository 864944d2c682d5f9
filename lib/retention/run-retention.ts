import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TKeyring } from '../secrets/crypto';
import type { TDb } from '../db/client';
import { sweepUnreferencedBytes } from '../bytes/sweep-unreferenced-bytes';
import { getLogger } from '../log';
import { expungePendingMessages } from './expunge-pending-messages';
import { getSettings } from '../settings/get-settings';
import { expiredLooseMessage, expiredMelding, planRetention } from './plan-retention';
import { removeLooseMessage } from '../ingest/remove-loose-message';
import { removeMeldingData } from './remove-melding-data';
import { requireBeheerder } from '../auth/require-beheerder';

const log = getLogger('retention');

export const RETENTION_RUN_ACTION = 'bewaartermijn.uitgevoerd';

export type TRetentionResult = {
  meldingen: number;
  losseBerichten: number;
  uitMailbox: number;
  openstaandInMailbox: number;
  /** Our own copies of removed outgoing mail looked for (and expunged where found) / still to do. */
  kopieenUitMailbox: number;
  kopieenOpenstaand: number;
  nietAfgesloten: number;
  achtergeblevenBytes: number;
};

/**
 * The retention job: for every expired melding (closed longer than the term ago) one transaction
 * writes its anonymous MeldingFeit, removes it with everything personal, and leaves a tombstone
 * audit event; finished mail that never became a melding goes too. After those commits the
 * originals are expunged from the mailboxes (what fails stays pending for the next run).
 * The removals are exactly planRetention's list for the same moment.
 */
export async function runRetention(opts: {
  db: TDb;
  ring: TKeyring;
  actor: TAuditActor;
  now?: Date;
}): Promise<TRetentionResult> {
  // A person starting a run must be a beheerder now; the worker and the CLI act as the system.
  if (opts.actor.id) await requireBeheerder(opts.db, opts.actor);
  const plan = await planRetention({ db: opts.db, now: opts.now });
  const { werkdagenBeoordeling } = await getSettings({ db: opts.db });
  let meldingen = 0;
  for (const m of plan.meldingen) {
    const removed = await opts.db.$transaction((tx) =>
      removeMeldingData(tx, {
        meldingId: m.id,
        where: expiredMelding(plan.cutoff),
        actor: opts.actor,
        action: 'melding.verwijderd_bewaartermijn',
        werkdagenBeoordeling,
      }),
    );
    if (removed) meldingen += 1;
  }
  let losseBerichten = 0;
  const loose = await opts.db.inboundMessage.findMany({
    where: expiredLooseMessage(plan.cutoff),
    select: { id: true },
  });
  for (const { id } of loose) {
    if (
      await opts.db.$transaction((tx) =>
        removeLooseMessage(tx, { id, where: expiredLooseMessage(plan.cutoff) }),
      )
    )
      losseBerichten += 1;
  }
  const mailbox = await expungePendingMessages({ db: opts.db, ring: opts.ring });
  // Bytes a crash left in the byte store before any row named them (lib/bytes/).
  const achtergeblevenBytes = await sweepUnreferencedBytes({ db: opts.db, now: opts.now });
  const result = {
    meldingen,
    losseBerichten,
    uitMailbox: mailbox.expunged,
    openstaandInMailbox: mailbox.pending,
    kopieenUitMailbox: mailbox.copies.expunged,
    kopieenOpenstaand: mailbox.copies.pending,
    nietAfgesloten: plan.nietAfgesloten.length,
    achtergeblevenBytes,
  };
  await audit(opts.db, {
    actor: opts.actor,
    action: RETENTION_RUN_ACTION,
    objectType: 'system',
    details: { ...result, termMaanden: plan.termMaanden },
  });
  log.info({ msg: 'retention run finished', code: 'retention_run', ...result });
  return result;
}
