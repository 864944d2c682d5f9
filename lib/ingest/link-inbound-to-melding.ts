import 'server-only';
import { createHash } from 'node:crypto';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { parseMime } from '../mail/parse-mime';
import type { TStoredAttachment } from './record-melding';
import { requireQueueUser, resolveQueueItem } from './resolve-queue-item';
import { putAttachmentBytes, saveAttachments } from './save-attachments';
import { readInboundRaw } from './read-inbound-raw';

const MAX_ATTACHMENTS = 50;

/**
 * A person links a work-queue message to an existing melding (by kenmerk) as a reply: it appears
 * on that melding's timeline with its attachments. The melding's status does not change: the
 * person decides what follows.
 */
export async function linkInboundToMelding(o: {
  db: TDb;
  actor: TAuditActor;
  id: string;
  kenmerk: string;
  reason: string;
}): Promise<{ meldingId: string }> {
  const kenmerk = o.kenmerk.trim();
  const candidates = await o.db.melding.findMany({
    where: { kenmerk: { equals: kenmerk, mode: 'insensitive' }, anonymisedAt: null },
    select: { id: true },
    take: 2,
  });
  if (candidates.length !== 1)
    throw new AppError(
      candidates.length ? 'conflict' : 'not_found',
      candidates.length
        ? `Er zijn meerdere meldingen met kenmerk ${kenmerk}; koppel vanuit de melding zelf`
        : `Geen (niet-geanonimiseerde) melding met kenmerk ${kenmerk}`,
    );
  const meldingId = candidates[0]!.id;
  const raw = await readInboundRaw({ db: o.db, id: o.id });
  if (!raw) throw new AppError('not_found', 'Dit bericht bestaat niet of de inhoud is verwijderd');
  const mail = await parseMime(raw, { skipHtmlToText: true, skipTextToHtml: true });
  const parsed: TStoredAttachment[] = mail.attachments.slice(0, MAX_ATTACHMENTS).map((a) => ({
    filename: (a.filename ?? 'bijlage').slice(0, 255),
    contentType: a.contentType,
    declaredType: a.contentType,
    size: a.size,
    sha256: createHash('sha256').update(a.content).digest('hex'),
    content: a.content,
    isForm: false,
  }));
  const attachments = await putAttachmentBytes(o.db, parsed);
  await o.db.$transaction(async (tx) => {
    const user = await requireQueueUser(tx, o.actor, ['MEDEWERKER']);
    await resolveQueueItem(tx, {
      actor: o.actor,
      id: o.id,
      where: {
        state: { notIn: ['STORED', 'FAILED'] },
        OR: [
          { outcome: null },
          { outcome: { notIn: ['MELDING_ACCEPTED', 'MELDING_ACCEPTED_WARNINGS', 'REPLY_LINKED'] } },
        ],
      },
      notAllowed: 'Dit bericht is al een melding of een gekoppelde reactie',
      action: 'bericht.gekoppeld',
      reason: o.reason,
      data: {
        melding: { connect: { id: meldingId } },
        kind: 'REACTIE',
        outcome: 'REPLY_LINKED',
        state: 'PROCESSED',
        resolution: 'LINKED',
        resolvedBy: user.name,
        resolvedAt: new Date(),
        resolutionNote: o.reason,
      },
    });
    await saveAttachments({ tx, attachments, meldingId, inboundId: o.id });
    await audit(tx, {
      actor: o.actor,
      action: 'melding.bericht_gekoppeld',
      objectType: 'melding',
      objectId: meldingId,
    });
  });
  return { meldingId };
}
