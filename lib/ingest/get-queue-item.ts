import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { parseMime } from '../mail/parse-mime';
import { readableMail } from '../mail/readable-mail';
import { kenmerkFromSubject } from '../mail/subject';
import { nextAction, stateCode } from './inbound-codes';
import { readBytes } from '../bytes/read-bytes';
import { requireQueueUser } from './resolve-queue-item';

/**
 * One work-queue message for a person: its codes, the authenticity verdict, and the mail made
 * safe to show (text, sanitised HTML) with its attachments listed. Audited as a read.
 */
export async function getQueueItem(opts: { db: TDb; actor: TAuditActor; id: string }) {
  await requireQueueUser(opts.db, opts.actor);
  const id = z.uuid().safeParse(opts.id);
  if (!id.success) throw new AppError('not_found', 'Dit bericht bestaat niet');
  const row = await opts.db.inboundMessage.findUnique({
    where: { id: id.data },
    include: { mailbox: { select: { name: true, authenticityPolicy: true } } },
  });
  if (!row) throw new AppError('not_found', 'Dit bericht bestaat niet');
  await audit(opts.db, {
    actor: opts.actor,
    action: 'bericht.bekeken',
    objectType: 'message',
    objectId: row.id,
  });
  const raw = row.rawHash ? await readBytes({ db: opts.db, sha256: row.rawHash }) : null;
  const mail = raw ? await readableMail(raw).catch(() => null) : null;
  const attachments = raw
    ? await parseMime(raw, { skipHtmlToText: true, skipTextToHtml: true })
        .then((m) =>
          m.attachments.map((a, index) => ({
            index,
            filename: a.filename ?? 'bijlage',
            contentType: a.contentType,
            size: a.size,
          })),
        )
        .catch(() => [])
    : [];
  const authenticity = row.authenticity as {
    verdict?: string;
    reason?: string | null;
    temporary?: boolean;
  } | null;
  return {
    id: row.id,
    receivedAt: row.receivedAt,
    mailbox: row.mailbox.name,
    policy: row.mailbox.authenticityPolicy,
    from: row.fromAddress,
    subject: row.subject,
    kenmerk: kenmerkFromSubject(row.subject),
    state: stateCode(row),
    nextAction: nextAction(row),
    reason: row.error,
    verdict: authenticity?.verdict ?? null,
    verdictReason: authenticity?.reason ?? null,
    releasedBy: row.releasedBy,
    resolution: row.resolution,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt,
    resolutionNote: row.resolutionNote,
    meldingId: row.meldingId,
    mail,
    attachments,
  };
}

export type TQueueItem = Awaited<ReturnType<typeof getQueueItem>>;
