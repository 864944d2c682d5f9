import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { parseMime } from '../mail/parse-mime';
import { readInboundRaw } from './read-inbound-raw';
import { requireQueueUser } from './resolve-queue-item';

/** One attachment of a work-queue message, by its position in the mail; always served as a download. Audited. */
export async function getQueueAttachment(opts: { db: TDb; actor: TAuditActor; id: string; index: number }) {
  await requireQueueUser(opts.db, opts.actor);
  const raw = await readInboundRaw({ db: opts.db, id: opts.id });
  if (!raw) throw new AppError('not_found', 'Dit bericht bestaat niet of de inhoud is verwijderd');
  const mail = await parseMime(raw, { skipHtmlToText: true, skipTextToHtml: true });
  const attachment = mail.attachments[opts.index];
  if (!attachment) throw new AppError('not_found', 'Deze bijlage bestaat niet');
  await audit(opts.db, {
    actor: opts.actor,
    action: 'bericht.bijlage_gedownload',
    objectType: 'message',
    objectId: opts.id,
    details: { bijlage: opts.index },
  });
  return { filename: attachment.filename ?? 'bijlage', content: attachment.content };
}
