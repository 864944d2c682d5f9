import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';
import { newMessageId } from '../mail/message-id';
import { queueOutgoing } from '../outbox/queue-outgoing';
import { ZELFTEST_BODY, ZELFTEST_SUBJECT } from './zelftest-steps';

/**
 * Starts a keten-zelftest: a fictitious test mail through the outbox (the real SMTP) to the
 * mailbox's own address. Its random Message-ID is the marker the ingest recognises; its signal
 * goes only to `signalTo` when given, never to the police's signal recipient.
 */
export async function startKetenZelftest(opts: {
  db: TDb;
  actor: TAuditActor;
  mailboxId: string;
  signalTo: string | null;
}): Promise<{ id: string }> {
  return opts.db.$transaction(async (tx) => {
    const actorId = await requireBeheerder(tx, opts.actor);
    const mailbox = await tx.mailbox.findUnique({ where: { id: opts.mailboxId } });
    if (!mailbox) throw new AppError('not_found', 'Mailbox niet gevonden');
    if (opts.signalTo && opts.signalTo.toLowerCase() === mailbox.signalRecipient.toLowerCase())
      throw new AppError(
        'validation',
        'Het signaal van een zelftest gaat nooit naar het signaaladres van de politie; kies een ander adres',
      );
    const messageId = newMessageId(mailbox.fromAddress);
    const mail = await queueOutgoing(tx, {
      mailboxId: mailbox.id,
      kind: 'ZELFTEST',
      recipient: mailbox.fromAddress,
      subject: ZELFTEST_SUBJECT,
      body: ZELFTEST_BODY,
      messageId,
      createdById: actorId,
    });
    const row = await tx.ketenZelftest.create({
      data: {
        mailboxId: mailbox.id,
        messageId,
        outgoingMailId: mail.id,
        signalTo: opts.signalTo,
        startedById: actorId,
      },
      select: { id: true },
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'zelftest.gestart',
      objectType: 'mailbox',
      objectId: mailbox.id,
      details: { zelftestId: row.id, signaalNaar: opts.signalTo ?? 'alleen tonen' },
    });
    return row;
  });
}
