import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

export const ZAnderMeldpunt = z.object({
  naam: z.string().trim().min(1, 'naam is verplicht').max(200),
  email: z.email('geen geldig e-mailadres').trim().toLowerCase().max(320),
});

export async function addAnderMeldpunt(opts: { db: TDb; actor: TAuditActor; naam: string; email: string }) {
  const input = ZAnderMeldpunt.parse({ naam: opts.naam, email: opts.email });
  return opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    if (await tx.anderMeldpunt.findUnique({ where: { naam: input.naam }, select: { id: true } })) {
      throw new AppError('conflict', `Er is al een meldpunt met de naam ${input.naam}`);
    }
    const row = await tx.anderMeldpunt.create({ data: input });
    await audit(tx, {
      actor: opts.actor,
      action: 'ander_meldpunt.toegevoegd',
      objectType: 'system',
      objectId: row.id,
    });
    return row;
  });
}
