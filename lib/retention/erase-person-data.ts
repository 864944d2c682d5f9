import 'server-only';
import { audit, type TAuditActor, personKey } from '../audit/audit';
import type { TKeyring } from '../secrets/crypto';
import type { TDb } from '../db/client';
import { expungePendingMessages } from './expunge-pending-messages';
import { getSettings } from '../settings/get-settings';
import { personWhere, ZPersonQuery } from '../melding/person-query';
import { removeMeldingData } from './remove-melding-data';
import { requireBeheerder } from '../auth/require-beheerder';

/**
 * Erasure (AVG art. 17): removes every melding about a person exactly as the retention job does —
 * anonymous MeldingFeit kept, tombstone per melding — then expunges the originals from the
 * mailboxes. The audit log keeps only the pseudonymous person key, never the person's data.
 */
export async function erasePersonData(opts: { db: TDb; ring: TKeyring; actor: TAuditActor; query: unknown }) {
  const query = ZPersonQuery.parse(opts.query);
  await requireBeheerder(opts.db, opts.actor);
  const where = personWhere(query);
  const ids = (await opts.db.melding.findMany({ where, select: { id: true } })).map((m) => m.id);
  const { werkdagenBeoordeling } = await getSettings({ db: opts.db });
  let meldingen = 0;
  for (const meldingId of ids) {
    const removed = await opts.db.$transaction(async (tx) => {
      await requireBeheerder(tx, opts.actor);
      return removeMeldingData(tx, {
        meldingId,
        where,
        actor: opts.actor,
        action: 'melding.verwijderd_wisverzoek',
        werkdagenBeoordeling,
      });
    });
    if (removed) meldingen += 1;
  }
  const mailbox = await expungePendingMessages({ db: opts.db, ring: opts.ring });
  await audit(opts.db, {
    actor: opts.actor,
    action: 'persoon.gewist',
    objectType: 'person',
    personKey: personKey(query),
    details: { meldingen, uitMailbox: mailbox.expunged, openstaandInMailbox: mailbox.pending },
  });
  return { meldingen, openstaandInMailbox: mailbox.pending };
}
