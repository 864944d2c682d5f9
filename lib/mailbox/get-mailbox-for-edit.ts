import 'server-only';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/**
 * A mailbox for the beheerder's form, without its secret (only whether one is set), with its
 * parked messages and failed outgoing mail. Message subjects and addresses may be personal data
 * of the police's mail, so only the envelope is shown, never bodies.
 */
export async function getMailboxForEdit(opts: { db: TDb; actor: TAuditActor; id: string }) {
  await requireBeheerder(opts.db, opts.actor);
  const mailbox = await opts.db.mailbox.findUnique({ where: { id: opts.id }, omit: { secretEnc: true } });
  if (!mailbox) throw new AppError('not_found', 'Mailbox niet gevonden');
  const [parked, failedOutgoing] = await Promise.all([
    opts.db.inboundMessage.findMany({
      where: { mailboxId: mailbox.id, state: 'PARKED' },
      orderBy: { receivedAt: 'desc' },
      take: 100,
      select: {
        id: true,
        receivedAt: true,
        subject: true,
        fromAddress: true,
        attempts: true,
        error: true,
        movedTo: true,
      },
    }),
    opts.db.outgoingMail.findMany({
      where: { mailboxId: mailbox.id, state: { in: ['FAILED', 'BOUNCED'] } },
      orderBy: { createdAt: 'desc' },
      take: 100,
      select: {
        id: true,
        kind: true,
        recipient: true,
        subject: true,
        state: true,
        attempts: true,
        lastError: true,
        createdAt: true,
      },
    }),
  ]);
  return { mailbox: { ...mailbox, secretSet: true }, parked, failedOutgoing };
}
