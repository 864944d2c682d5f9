'use server';

import { z } from 'zod';
import { requestFormReview } from '@/lib/form-review/request-form-review';
import { registerMeldingByHand, ZHandMelding } from '@/lib/melding/register-melding-by-hand';
import { serverAction, type TActionContext } from '@/lib/web/server-action';

export const registerByHandAction = serverAction({
  name: 'melding.register_by_hand',
  roles: ['MEDEWERKER'],
  input: ZHandMelding,
  run: ({ db, actor }: TActionContext, input: z.infer<typeof ZHandMelding>) =>
    registerMeldingByHand({ db, actor, input }),
  success: (out: { meldingId: string; kenmerk: string }) => `Melding ${out.kenmerk} geregistreerd`,
  revalidate: () => ['/meldingen'],
  data: (out: { meldingId: string; kenmerk: string }) => ({ meldingId: out.meldingId, kenmerk: out.kenmerk }),
});

/** The same, from an uploaded form after review: the review is used up, so on to the new melding. */
export const registerReviewedAction = serverAction({
  name: 'melding.register_reviewed',
  roles: ['MEDEWERKER'],
  input: ZHandMelding,
  run: ({ db, actor }: TActionContext, input: z.infer<typeof ZHandMelding>) =>
    registerMeldingByHand({ db, actor, input }),
  success: (out: { meldingId: string; kenmerk: string }) => `Melding ${out.kenmerk} geregistreerd`,
  revalidate: () => ['/meldingen'],
  redirect: (out: { meldingId: string }) => `/meldingen/${out.meldingId}`,
});

/** An uploaded PDF/DOCX goes to the worker to be read; the page then shows the fields for review. */
export const uploadFormAction = serverAction({
  name: 'melding.upload_form',
  roles: ['MEDEWERKER'],
  input: z.object({ bestand: z.instanceof(File, { message: 'Kies een bestand met het meldformulier' }) }),
  run: async ({ db, actor }, input) =>
    requestFormReview({
      db,
      actor,
      source: {
        upload: { name: input.bestand.name, bytes: new Uint8Array(await input.bestand.arrayBuffer()) },
      },
    }),
  success: 'Het formulier wordt gelezen',
  redirect: (out) => `/meldingen/registreren?formulier=${out.id}`,
});
