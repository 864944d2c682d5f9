'use server';

import { z } from 'zod';
import { addNote, ZAddNote } from '@/lib/melding/add-note';
import { assessMelding, ZAssessMelding } from '@/lib/melding/assess-melding';
import { assignMelding, ZAssignMelding } from '@/lib/melding/assign-melding';
import { requestAanvulling, ZRequestAanvulling } from '@/lib/melding/request-aanvulling';
import { resumeMelding, ZResumeMelding } from '@/lib/melding/resume-melding';
import { serverAction } from '@/lib/web/server-action';

/** Every triage action: a signed-in medewerker, one lib/melding verb (which checks scope), the page refreshed. */
const TRIAGE = {
  roles: ['MEDEWERKER'],
  revalidate: (input: { meldingId: string }) => [`/meldingen/${input.meldingId}`],
} as const;

/** The select's empty option ("niemand") releases the melding. */
const ZAssignForm = ZAssignMelding.extend({
  assigneeId: z.preprocess((value) => (value === '' ? null : value), ZAssignMelding.shape.assigneeId),
});

export const assignAction = serverAction({
  ...TRIAGE,
  name: 'melding.assign',
  input: ZAssignForm,
  success: (_out, input) => (input.assigneeId ? 'Toegewezen' : 'Toewijzing opgeheven'),
  run: (ctx, input) => assignMelding({ ...ctx, ...input }),
});

export const assessAction = serverAction({
  ...TRIAGE,
  name: 'melding.assess',
  input: ZAssessMelding,
  success: 'Beoordeling opgeslagen',
  run: (ctx, input) => assessMelding({ ...ctx, ...input }),
});

export const noteAction = serverAction({
  ...TRIAGE,
  name: 'melding.note',
  input: ZAddNote,
  success: 'Notitie toegevoegd',
  run: (ctx, input) => addNote({ ...ctx, ...input }),
});

export const aanvullingAction = serverAction({
  ...TRIAGE,
  name: 'melding.aanvulling',
  input: ZRequestAanvulling,
  success: 'Verzoek om aanvulling staat klaar om te worden verzonden',
  run: (ctx, input) => requestAanvulling({ ...ctx, ...input }),
});

export const resumeAction = serverAction({
  ...TRIAGE,
  name: 'melding.resume',
  input: ZResumeMelding,
  success: 'Behandeling hervat',
  run: (ctx, input) => resumeMelding({ ...ctx, ...input }),
});
