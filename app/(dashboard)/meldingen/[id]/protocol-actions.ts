'use server';

import { z } from 'zod';
import { closeMelding, ZCloseMelding } from '@/lib/melding/close-melding';
import { forwardMelding, ZForwardMelding } from '@/lib/melding/forward-melding';
import { logContactMoment, ZLogContactMoment } from '@/lib/melding/log-contact-moment';
import { markNietInBehandeling, ZMarkNietInBehandeling } from '@/lib/melding/mark-niet-in-behandeling';
import { reopenMelding, ZReopenMelding } from '@/lib/melding/reopen-melding';
import {
  sendAanvullingHerinnering,
  ZSendAanvullingHerinnering,
} from '@/lib/melding/send-aanvulling-herinnering';
import { serverAction } from '@/lib/web/server-action';

/** The melding page's actions that carry the protocol's conversation with the officer. */
const base = {
  roles: ['MEDEWERKER'] as const,
  revalidate: (i: { meldingId: string }) => [`/meldingen/${i.meldingId}`],
};

/** The afstemming is typed as four flat fields; the verb takes it as one contact moment. */
const ZNietInBehandelingForm = z.preprocess((raw) => {
  const { afstemmingAt, afstemmingWith, afstemmingKanaal, afstemmingOutcome, ...rest } = raw as Record<
    string,
    unknown
  >;
  const typed = [afstemmingAt, afstemmingWith, afstemmingOutcome].some(
    (v) => typeof v === 'string' && v.trim(),
  );
  return {
    ...rest,
    afstemming:
      rest.contactMomentId || !typed
        ? undefined
        : {
            at: afstemmingAt,
            withWhom: afstemmingWith,
            kanaal: afstemmingKanaal,
            outcome: afstemmingOutcome,
          },
  };
}, ZMarkNietInBehandeling);

export const nietInBehandelingAction = serverAction({
  ...base,
  name: 'melding.niet_in_behandeling',
  input: ZNietInBehandelingForm,
  success: (_out, input) =>
    input.sendMail
      ? 'De melding is afgerond als niet in behandeling; de bevestiging staat klaar om te worden verzonden.'
      : 'De melding is afgerond als niet in behandeling (zonder bevestigingsmail).',
  run: (ctx, input) => markNietInBehandeling({ ...ctx, ...input }),
});

export const doorsturenAction = serverAction({
  ...base,
  name: 'melding.doorsturen',
  input: ZForwardMelding,
  success: (_out, input) =>
    input.notifyOfficer
      ? 'Doorgestuurd en afgerond; de mail aan het meldpunt en het bericht aan de behandelaar staan in de wachtrij.'
      : 'Doorgestuurd en afgerond; de mail aan het meldpunt staat in de wachtrij.',
  run: (ctx, input) => forwardMelding({ ...ctx, ...input }),
});

export const closeAction = serverAction({
  ...base,
  name: 'melding.afronden',
  input: ZCloseMelding,
  success: (_out, input) =>
    input.sendTerugkoppeling
      ? 'Melding afgerond; de terugkoppeling staat klaar om te worden verzonden.'
      : 'Melding afgerond',
  run: (ctx, input) => closeMelding({ ...ctx, ...input }),
});

export const contactMomentAction = serverAction({
  ...base,
  name: 'melding.contactmoment',
  input: ZLogContactMoment,
  success: 'Contactmoment vastgelegd',
  run: (ctx, input) => logContactMoment({ ...ctx, ...input }),
});

export const herinneringAction = serverAction({
  ...base,
  name: 'melding.herinnering',
  input: ZSendAanvullingHerinnering,
  success: 'De herinnering staat klaar om te worden verzonden.',
  run: (ctx, input) => sendAanvullingHerinnering({ ...ctx, ...input }),
});

export const reopenAction = serverAction({
  ...base,
  name: 'melding.heropenen',
  input: ZReopenMelding,
  success: 'Melding heropend; zij staat weer in behandeling.',
  run: (ctx, input) => reopenMelding({ ...ctx, ...input }),
});
