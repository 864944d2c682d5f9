import 'server-only';
import { audit, SYSTEM_ACTOR } from '../audit/audit';
import type { TDb } from '../db/client';
import type { Mailbox } from '../db/generated/client';
import { finishInbound, lockPendingInbound } from '../ingest/finish-inbound';
import { newMessageId } from '../mail/message-id';
import { buildAcceptatiesignaal, type TOriginal } from '../mail/templates';
import { queueOutgoing } from '../outbox/queue-outgoing';
import { STRIPPED_MESSAGE } from '../retention/remove-melding-data';

/**
 * The test mail of an open keten-zelftest arrived: recorded as its progress only (seen, parsed,
 * the acceptatiesignaal composed), never as a melding, so it counts nowhere and reaches no inbox.
 * The signal is queued only to the address the beheerder named, never to the police. The ledger
 * row is stripped and left for expunging (lib/zelftest/remove-zelftest-mail.ts).
 */
export async function recordZelftestArrival(opts: {
  db: TDb;
  mailbox: Mailbox;
  inboundId: string;
  receivedAt: Date;
  original: TOriginal;
  attachmentCount: number;
}): Promise<boolean> {
  return opts.db.$transaction(async (tx) => {
    if (!(await lockPendingInbound(tx, opts.inboundId))) return false;
    const test = await tx.ketenZelftest.findFirst({
      where: { mailboxId: opts.mailbox.id, messageId: opts.original.messageId ?? '', inboundMessageId: null },
    });
    if (!test) throw new Error('zelftest niet (meer) open');
    const signal = buildAcceptatiesignaal({ kenmerk: 'ZELFTEST', original: opts.original });
    if (test.signalTo && test.signalTo.toLowerCase() !== opts.mailbox.signalRecipient.toLowerCase())
      await queueOutgoing(tx, {
        mailboxId: opts.mailbox.id,
        kind: 'ZELFTEST',
        recipient: test.signalTo,
        subject: `TEST ${signal.subject}`,
        body: signal.body,
        inReplyTo: signal.inReplyTo,
        references: signal.references,
        messageId: newMessageId(opts.mailbox.fromAddress),
      });
    await tx.ketenZelftest.update({
      where: { id: test.id },
      data: {
        inboundMessageId: opts.inboundId,
        seenAt: opts.receivedAt,
        parsedAt: new Date(),
        parsed: `Onderwerp "${opts.original.subject ?? ''}", ${opts.attachmentCount} bijlage(n); herkend als testbericht van deze zelftest.`,
        signalSubject: signal.subject,
        signalBody: signal.body,
      },
    });
    await finishInbound(tx, opts.inboundId, {
      state: 'IGNORED',
      outcome: 'OTHER',
      kind: 'OVERIG',
      targetFolder: null,
    });
    await tx.inboundMessage.update({ where: { id: opts.inboundId }, data: STRIPPED_MESSAGE });
    await audit(tx, {
      actor: SYSTEM_ACTOR('ingest'),
      action: 'zelftest.ontvangen',
      objectType: 'mailbox',
      objectId: opts.mailbox.id,
      details: { zelftestId: test.id, signaalVerstuurdNaar: test.signalTo ?? 'niet verstuurd' },
    });
    return true;
  });
}
