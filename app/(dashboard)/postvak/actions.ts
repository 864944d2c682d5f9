'use server';

import { z } from 'zod';
import { requestFormReview } from '@/lib/form-review/request-form-review';
import { linkInboundAsVersion } from '@/lib/ingest/link-inbound-as-version';
import { linkInboundToMelding } from '@/lib/ingest/link-inbound-to-melding';
import { markInboundHandled } from '@/lib/ingest/mark-inbound-handled';
import { registerInboundMelding } from '@/lib/ingest/register-inbound-melding';
import { rejectQuarantined } from '@/lib/ingest/reject-quarantined';
import { releaseQuarantined } from '@/lib/ingest/release-quarantined';
import { reprocessInbound } from '@/lib/ingest/reprocess-inbound';
import { serverAction } from '@/lib/web/server-action';

const ZReason = z
  .string()
  .trim()
  .min(3, 'Geef een reden (minstens 3 tekens)')
  .max(1000, 'De reden is te lang (hoogstens 1000 tekens)');
const ZItem = z.object({ id: z.uuid('Onbekend bericht'), reden: ZReason });
const paths = (input: { id: string }) => ['/postvak', `/postvak/${input.id}`, '/meldingen', '/beheer'];
const QUEUE = ['MEDEWERKER', 'BEHEERDER'] as const;

export const releaseAction = serverAction({
  name: 'postvak.release',
  roles: QUEUE,
  input: ZItem,
  success: 'Vrijgegeven: het bericht wordt nu als melding verwerkt',
  revalidate: paths,
  run: ({ db, actor }, input) => releaseQuarantined({ db, actor, id: input.id, reason: input.reden }),
});

export const rejectAction = serverAction({
  name: 'postvak.reject',
  roles: QUEUE,
  input: ZItem,
  success: 'Afgewezen: er gaat geen signaal uit',
  revalidate: paths,
  run: ({ db, actor }, input) => rejectQuarantined({ db, actor, id: input.id, reason: input.reden }),
});

export const reprocessAction = serverAction({
  name: 'postvak.reprocess',
  roles: QUEUE,
  input: ZItem,
  success: 'Het bericht wordt opnieuw verwerkt',
  revalidate: paths,
  run: ({ db, actor }, input) => reprocessInbound({ db, actor, id: input.id, reason: input.reden }),
});

export const handledAction = serverAction({
  name: 'postvak.handled',
  roles: QUEUE,
  input: ZItem,
  success: 'Gemarkeerd als afgehandeld',
  revalidate: paths,
  run: ({ db, actor }, input) => markInboundHandled({ db, actor, id: input.id, reason: input.reden }),
});

export const registerAction = serverAction({
  name: 'postvak.register',
  roles: ['MEDEWERKER'],
  input: ZItem,
  success: 'Het formulier wordt uitgelezen en als melding geregistreerd',
  revalidate: paths,
  run: ({ db, actor }, input) => registerInboundMelding({ db, actor, id: input.id, reason: input.reden }),
});

const ZKenmerk = z.string().trim().min(1, 'Vul het kenmerk van de melding in').max(100);

export const linkAction = serverAction({
  name: 'postvak.link',
  roles: ['MEDEWERKER'],
  input: ZItem.extend({ kenmerk: ZKenmerk, als: z.enum(['reactie', 'bijlagen']).default('reactie') }),
  run: ({ db, actor }, input) =>
    linkInboundToMelding({
      db,
      actor,
      id: input.id,
      kenmerk: input.kenmerk,
      reason: input.reden,
      als: input.als,
    }),
  success: (_out, input) =>
    input.als === 'bijlagen' ? 'De bijlagen staan nu bij de melding' : 'Gekoppeld aan de melding',
  revalidate: paths,
});

/** The reviewed form of a work-queue message becomes the next version of an existing melding's form. */
export const linkVersionAction = serverAction({
  name: 'postvak.link_version',
  roles: ['MEDEWERKER'],
  input: ZItem.extend({ kenmerk: ZKenmerk, formulierId: z.uuid('Onbekend formulier') }),
  run: ({ db, actor }, input) =>
    linkInboundAsVersion({
      db,
      actor,
      formulierId: input.formulierId,
      kenmerk: input.kenmerk,
      reason: input.reden,
    }),
  success: (out) => `Gekoppeld als versie ${out.version} van het formulier`,
  revalidate: paths,
  // The review is used up: on to the melding, where the new version shows.
  redirect: (out) => `/meldingen/${out.meldingId}`,
});

/** The review step before registering: the worker reads the attached form, the medewerker checks it. */
export const reviewFormAction = serverAction({
  name: 'postvak.review_form',
  roles: ['MEDEWERKER'],
  input: z.object({ id: z.uuid('Onbekend bericht') }),
  run: ({ db, actor }, input) => requestFormReview({ db, actor, source: { inboundId: input.id } }),
  success: 'Het formulier wordt gelezen',
  redirect: (out) => `/meldingen/registreren?formulier=${out.id}`,
});
