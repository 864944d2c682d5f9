import 'server-only';
import { z } from 'zod';
import type { TDb, TTx } from '../db/client';
import { buildNietInBehandeling, buildVerzoekOmAanvulling, type TOutgoingContent } from '../mail/templates';
import { newMessageId } from '../mail/message-id';
import { AppError } from '../errors';
import { queueOutgoing } from './queue-outgoing';

export const ZOfficerMailKind = z.enum(['AANVULLING', 'NIET_IN_BEHANDELING']);
export type TOfficerMailKind = z.infer<typeof ZOfficerMailKind>;

type TMailMelding = {
  id: string;
  kenmerk: string;
  behandelaarEmail: string | null;
  mailboxId: string | null;
};

/** The officer's address from the form (as corrected) — never the police's no-reply sender. */
export function officerAddress(m: Pick<TMailMelding, 'behandelaarEmail'>): string {
  const recipient = z.email().safeParse(m.behandelaarEmail);
  if (!recipient.success)
    throw new AppError(
      'validation',
      'Het formulier bevat geen geldig e-mailadres van de behandelaar; corrigeer dat veld eerst',
    );
  return recipient.data;
}

/** Subject per protocol, threaded to the police's mail, around a body staff wrote. */
export async function composeOfficerMail(
  db: TDb | TTx,
  m: Pick<TMailMelding, 'id' | 'kenmerk'>,
  kind: TOfficerMailKind,
  body: string,
): Promise<TOutgoingContent> {
  const original = await db.inboundMessage.findFirst({
    where: { meldingId: m.id, kind: { in: ['MELDING', 'DOORGESTUURD'] } },
    orderBy: { receivedAt: 'asc' },
    select: { messageId: true, subject: true },
  });
  const build = kind === 'AANVULLING' ? buildVerzoekOmAanvulling : buildNietInBehandeling;
  return build({
    kenmerk: m.kenmerk,
    body,
    original: original ? { messageId: original.messageId, subject: original.subject } : undefined,
  });
}

/** Queues a mail to the officer in the outbox, inside the action's transaction. */
export async function queueOfficerMail(
  tx: TTx,
  o: { melding: TMailMelding; kind: TOfficerMailKind; body: string; userId: string },
): Promise<string> {
  const recipient = officerAddress(o.melding);
  const mailbox = o.melding.mailboxId
    ? await tx.mailbox.findUnique({
        where: { id: o.melding.mailboxId },
        select: { id: true, fromAddress: true },
      })
    : null;
  if (!mailbox)
    throw new AppError(
      'conflict',
      'Deze melding hoort bij geen mailbox meer; er kan geen mail worden verstuurd',
    );
  const mail = await composeOfficerMail(tx, o.melding, o.kind, o.body);
  const queued = await queueOutgoing(tx, {
    ...mail,
    mailboxId: mailbox.id,
    kind: o.kind,
    recipient,
    messageId: newMessageId(mailbox.fromAddress),
    meldingId: o.melding.id,
    createdById: o.userId,
  });
  return queued.id;
}
