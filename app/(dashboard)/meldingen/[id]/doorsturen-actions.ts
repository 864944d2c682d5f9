'use server';

import { revalidatePath } from 'next/cache';
import { auditActor, requireUser } from '@/lib/auth/require-user';
import { getDb } from '@/lib/db/client';
import { toHttpError } from '@/lib/server/errors';
import { forwardMelding } from '@/lib/server/forward-melding';
import type { TActionState } from './action-state';

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/** Doorsturen: signed-in medewerker → forwardMelding (scope, status and the meldpunt checked there). */
export async function doorsturenAction(_: TActionState, form: FormData): Promise<TActionState> {
  const user = await requireUser(['MEDEWERKER']);
  const meldingId = text(form, 'meldingId');
  try {
    await forwardMelding({ db: getDb(), user, actor: await auditActor(user), meldingId, anderMeldpuntId: text(form, 'anderMeldpuntId'), toelichting: text(form, 'toelichting') });
  } catch (err) {
    return { ok: false, message: toHttpError(err).body.message, at: Date.now() };
  }
  revalidatePath(`/meldingen/${meldingId}`);
  return { ok: true, message: 'Doorgestuurd; de mail met het meldformulier staat in de wachtrij en de melding is afgerond.', at: Date.now() };
}
