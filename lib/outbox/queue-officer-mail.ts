import 'server-only';
import { z } from 'zod';
import type { TDb, TTx } from '../db/client';
import {
  openPlaceholders,
  PLACEHOLDER_SOURCES,
  renderMailTemplate,
  type TTemplateValues,
} from '../mail/default-templates';
import {
  buildHerinneringAanvulling,
  buildReplyOpMelding,
  buildTerugkoppeling,
  buildVerzoekOmAanvulling,
  type TOriginal,
  type TOutgoingContent,
} from '../mail/templates';
import { newMessageId } from '../mail/message-id';
import { AppError } from '../errors';
import { queueOutgoing } from './queue-outgoing';

export const ZOfficerMailKind = z.enum([
  'AANVULLING',
  'HERINNERING_AANVULLING',
  'NIET_IN_BEHANDELING',
  'DOORGESTUURD_BERICHT',
  'TERUGKOPPELING',
]);
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

/** The police's mail that brought the melding in: what the officer's mails thread to. */
async function policeOriginal(db: TDb | TTx, meldingId: string): Promise<TOriginal | undefined> {
  const original = await db.inboundMessage.findFirst({
    where: { meldingId, kind: { in: ['MELDING', 'DOORGESTUURD'] } },
    orderBy: { receivedAt: 'asc' },
    select: { messageId: true, subject: true },
  });
  return original ?? undefined;
}

/** The first verzoek om aanvulling, which a reminder answers in the same thread. */
async function firstAanvulling(db: TDb | TTx, meldingId: string): Promise<TOriginal | undefined> {
  const [request, police] = await Promise.all([
    db.outgoingMail.findFirst({
      where: { meldingId, kind: 'AANVULLING' },
      orderBy: { createdAt: 'asc' },
      select: { messageId: true, subject: true, references: true },
    }),
    policeOriginal(db, meldingId),
  ]);
  if (!request) return undefined;
  return {
    ...request,
    references: [...(police?.messageId ? [police.messageId] : []), ...request.references],
  };
}

/** Subject per protocol and threading for each kind, around a body staff wrote. */
export async function composeOfficerMail(
  db: TDb | TTx,
  m: Pick<TMailMelding, 'id' | 'kenmerk'>,
  kind: TOfficerMailKind,
  body: string,
  subject = '',
): Promise<TOutgoingContent> {
  switch (kind) {
    case 'AANVULLING':
      return buildVerzoekOmAanvulling({ kenmerk: m.kenmerk, body, original: await policeOriginal(db, m.id) });
    case 'HERINNERING_AANVULLING': {
      const original = await firstAanvulling(db, m.id);
      if (!original)
        throw new AppError('conflict', 'Er is nog geen verzoek om aanvulling verstuurd om aan te herinneren');
      return buildHerinneringAanvulling({ kenmerk: m.kenmerk, body, original });
    }
    case 'NIET_IN_BEHANDELING':
    case 'DOORGESTUURD_BERICHT':
      return buildReplyOpMelding({ kenmerk: m.kenmerk, body, original: await policeOriginal(db, m.id) });
    case 'TERUGKOPPELING':
      return buildTerugkoppeling({ subject, body, original: await policeOriginal(db, m.id) });
  }
}

/**
 * The final text of a mail: every placeholder filled, or the mail is refused with the names of
 * what is missing (a setting, the reden…) — no mail leaves with an empty gap.
 */
export function finalText(text: string, values: Partial<TTemplateValues>): string {
  const rendered = renderMailTemplate(text, values);
  const open = openPlaceholders(rendered);
  if (open.length)
    throw new AppError(
      'validation',
      `De mail is niet verstuurd: ${open.map((p) => PLACEHOLDER_SOURCES[p]).join(', ')} ontbreekt. Vul dit eerst in.`,
    );
  return rendered;
}

/** Queues a mail to the officer in the outbox, inside the action's transaction. */
export async function queueOfficerMail(
  tx: TTx,
  mail: {
    melding: TMailMelding;
    kind: TOfficerMailKind;
    body: string;
    subject?: string;
    values: Partial<TTemplateValues>;
    userId: string;
  },
): Promise<string> {
  const recipient = officerAddress(mail.melding);
  const mailbox = mail.melding.mailboxId
    ? await tx.mailbox.findUnique({
        where: { id: mail.melding.mailboxId },
        select: { id: true, fromAddress: true },
      })
    : null;
  if (!mailbox)
    throw new AppError(
      'conflict',
      'Deze melding hoort bij geen mailbox meer; er kan geen mail worden verstuurd',
    );
  const content = await composeOfficerMail(
    tx,
    mail.melding,
    mail.kind,
    finalText(mail.body, mail.values),
    mail.subject === undefined ? '' : finalText(mail.subject, mail.values),
  );
  const queued = await queueOutgoing(tx, {
    ...content,
    mailboxId: mailbox.id,
    kind: mail.kind,
    recipient,
    messageId: newMessageId(mailbox.fromAddress),
    meldingId: mail.melding.id,
    createdById: mail.userId,
  });
  return queued.id;
}
