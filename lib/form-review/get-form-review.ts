import 'server-only';
import { z } from 'zod';
import type { TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import type { TParseResult } from '../form/schema';

/**
 * A form review of the acting medewerker (only their own: the access rule is in the `where`):
 * whether the worker has read it yet, and what it read.
 */
export async function getFormReview(opts: { db: TDb; actor: TAuditActor; id: string }) {
  const id = z.uuid().safeParse(opts.id);
  if (!id.success || !opts.actor.id)
    throw new AppError('not_found', 'Dit formulier is niet (meer) beschikbaar');
  const review = await opts.db.formReview.findFirst({
    where: { id: id.data, createdById: opts.actor.id },
    select: { id: true, state: true, result: true, filename: true, inboundMessageId: true, createdAt: true },
  });
  if (!review) throw new AppError('not_found', 'Dit formulier is niet (meer) beschikbaar');
  return { ...review, result: review.result as TParseResult | null };
}
