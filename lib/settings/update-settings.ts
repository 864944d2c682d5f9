import 'server-only';
import { audit, type TAuditActor } from '../audit/audit';
import type { TDb } from '../db/client';
import { ZSettings, type TSettingKey, type TSettings } from './settings';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/** Stores the settings given (each validated); the audit event lists which keys changed and to what. */
export async function updateSettings(opts: {
  db: TDb;
  actor: TAuditActor;
  input: Partial<TSettings>;
}): Promise<void> {
  // Only the keys given are validated and stored: a patch, not defaults for everything else.
  const entries = Object.entries(opts.input).map(([key, value]) => {
    const field = ZSettings.shape[key as TSettingKey];
    if (!field) throw new AppError('validation', `Onbekende instelling ${key}`);
    return [key, field.parse(value)] as const;
  });
  await opts.db.$transaction(async (tx) => {
    const actorId = await requireBeheerder(tx, opts.actor);
    for (const [key, value] of entries) {
      await tx.setting.upsert({
        where: { key },
        create: { key, value, updatedById: actorId },
        update: { value, updatedById: actorId },
      });
    }
    await audit(tx, {
      actor: opts.actor,
      action: 'instellingen.wijzig',
      objectType: 'system',
      // A list (the soorten melding) as its text, so the event shows what it became.
      details: Object.fromEntries(
        entries.map(([k, v]) => [
          k,
          typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean),
        ]),
      ),
    });
  });
}
