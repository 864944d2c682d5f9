'use server';

import { revalidatePath } from 'next/cache';
import { auditActor, requireUser } from '@/lib/auth/require-user';
import { getDb } from '@/lib/db/client';
import { addNote } from '@/lib/melding/add-note';
import { assessMelding } from '@/lib/melding/assess-melding';
import { assignMelding } from '@/lib/melding/assign-melding';
import { correctMeldingField } from '@/lib/melding/correct-melding-field';
import { toHttpError } from '@/lib/errors';
import type { TActing } from '@/lib/melding/melding-scope';
import { requestAanvulling } from '@/lib/melding/request-aanvulling';
import { resumeMelding } from '@/lib/melding/resume-melding';
import type { TActionState } from './action-state';

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/** Every action: signed-in medewerker → one lib/ verb (which parses and checks scope) → a Dutch message. */
async function run(
  form: FormData,
  success: string,
  fn: (acting: TActing, meldingId: string) => Promise<unknown>,
): Promise<TActionState> {
  const user = await requireUser(['MEDEWERKER']);
  const meldingId = text(form, 'meldingId');
  try {
    await fn({ db: getDb(), user, actor: await auditActor(user) }, meldingId);
  } catch (err) {
    return { ok: false, message: toHttpError(err).body.message, at: Date.now() };
  }
  revalidatePath(`/meldingen/${meldingId}`);
  return { ok: true, message: success, at: Date.now() };
}

export async function assignAction(_: TActionState, form: FormData) {
  const assigneeId = text(form, 'assigneeId');
  return run(form, assigneeId ? 'Toegewezen' : 'Toewijzing opgeheven', (a, meldingId) =>
    assignMelding({ ...a, meldingId, assigneeId: assigneeId || null }),
  );
}

export async function assessAction(_: TActionState, form: FormData) {
  return run(form, 'Beoordeling opgeslagen', (a, meldingId) =>
    assessMelding({
      ...a,
      meldingId,
      uitkomst: text(form, 'uitkomst') as never,
      prioriteit: text(form, 'prioriteit') as never,
      reden: text(form, 'reden'),
    }),
  );
}

export async function noteAction(_: TActionState, form: FormData) {
  return run(form, 'Notitie toegevoegd', (a, meldingId) =>
    addNote({ ...a, meldingId, text: text(form, 'text') }),
  );
}

export async function aanvullingAction(_: TActionState, form: FormData) {
  return run(form, 'Verzoek om aanvulling staat klaar om te worden verzonden', (a, meldingId) =>
    requestAanvulling({ ...a, meldingId, body: text(form, 'body') }),
  );
}

export async function resumeAction(_: TActionState, form: FormData) {
  return run(form, 'Behandeling hervat', (a, meldingId) => resumeMelding({ ...a, meldingId }));
}

export async function correctAction(_: TActionState, form: FormData) {
  return run(form, 'Correctie opgeslagen', (a, meldingId) =>
    correctMeldingField({ ...a, meldingId, field: text(form, 'field'), value: text(form, 'value') }),
  );
}
