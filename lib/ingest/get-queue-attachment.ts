import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { parseMime } from '../mail/parse-mime';
import { readInboundRaw } from './read-inbound-raw';
import { requireQueueUser } from './resolve-queue-item';

/** One attachment of a work-queue message, by its position in the mail; always served as a download. Audited. */
export async function getQueueAttachment(o: { db: TDb; actor: TAuditActor; id: string; index: number }) {
  await requireQueueUser(o.db, o.actor);
  const raw = await readInboundRaw({ db: o.db, id: o.id });
  if (!raw) throw new AppError('not_found', 'Dit bericht bestaat niet of de inhoud is verwijderd');
  const mail = await parseMime(raw, { skipHtmlToText: true, skipTextToHtml: true });
  const attachment = mail.attachments[o.index];
  if (!attachment) throw new AppError('not_found', 'Deze bijlage bestaat niet');
  await audit(o.db, {
    actor: o.actor,
    action: 'bericht.bijlage_gedownload',
    objectType: 'message',
    objectId: o.id,
    details: { bijlage: o.index },
  });
  return { filename: attachment.filename ?? 'bijlage', content: attachment.content };
}
