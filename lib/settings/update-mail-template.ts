import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import {
  DEFAULT_MAIL_TEMPLATES,
  subjectIsFixed,
  TEMPLATE_KINDS,
  unknownPlaceholders,
} from '../mail/default-templates';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

export const ZMailTemplateInput = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  subject: z.string().trim().max(300).optional(),
  body: z.string().trim().min(1, 'de tekst is leeg').max(10_000),
});

/**
 * Stores a template. Where the protocol prescribes the subject (aanvulling, niet in behandeling)
 * the stored subject is always the protocol's, whatever was sent; the terugkoppeling's own
 * subject must keep the kenmerk. Unknown placeholders are refused, not sent out as typed.
 */
export async function updateMailTemplate(opts: {
  db: TDb;
  actor: TAuditActor;
  input: z.input<typeof ZMailTemplateInput>;
}): Promise<void> {
  const input = ZMailTemplateInput.parse(opts.input);
  const subject = subjectIsFixed(input.kind)
    ? DEFAULT_MAIL_TEMPLATES[input.kind].subject
    : input.subject || DEFAULT_MAIL_TEMPLATES[input.kind].subject;
  if (!subject.includes('{kenmerk}'))
    throw new AppError(
      'validation',
      'Het onderwerp moet {kenmerk} bevatten, zodat de politie de mail aan de melding kan koppelen',
    );
  const unknown = unknownPlaceholders(`${subject}\n${input.body}`);
  if (unknown.length)
    throw new AppError('validation', `Onbekende invulvelden: ${unknown.map((n) => `{${n}}`).join(', ')}`);
  await opts.db.$transaction(async (tx) => {
    const actorId = await requireBeheerder(tx, opts.actor);
    await tx.mailTemplate.upsert({
      where: { kind: input.kind },
      create: { kind: input.kind, subject, body: input.body, updatedById: actorId },
      update: { subject, body: input.body, updatedById: actorId },
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'sjabloon.wijzig',
      objectType: 'system',
      objectId: input.kind,
    });
  });
}
