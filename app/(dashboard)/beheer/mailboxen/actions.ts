'use server';

import { z } from 'zod';
import { getKeyring } from '@/lib/secrets/keyring';
import {
  createMailbox,
  OAUTH_INCOMPLETE,
  oauthComplete,
  ZMailboxFields,
  ZMailboxInput,
} from '@/lib/mailbox/create-mailbox';
import { markParkedHandled } from '@/lib/ingest/mark-parked-handled';
import { requireBeheerder } from '@/lib/auth/require-beheerder';
import { retryOutgoingMail } from '@/lib/outbox/retry-outgoing-mail';
import { retryParkedMessage } from '@/lib/ingest/retry-parked-message';
import { setMailboxActive } from '@/lib/mailbox/set-mailbox-active';
import { testMailboxConnection } from '@/lib/mailbox/test-mailbox-connection';
import { updateMailbox } from '@/lib/mailbox/update-mailbox';
import { booleanField } from '@/lib/web/form-values';
import { serverAction } from '@/lib/web/server-action';
import { mailboxInputFrom } from './form-input';

const ADMIN = { roles: ['BEHEERDER'] } as const;
const ZMailboxId = z.object({ id: z.string() });
/** A parked or failed message on a mailbox's page: its id, and the mailbox whose page shows it. */
const ZMessageOnMailbox = z.object({ id: z.string(), mailboxId: z.string() });
const mailboxPage = (input: { mailboxId: string }) => [`/beheer/mailboxen/${input.mailboxId}`];

export const createMailboxAction = serverAction({
  ...ADMIN,
  name: 'mailbox.create',
  input: z.preprocess((form) => mailboxInputFrom(form as Record<string, unknown>), ZMailboxInput),
  run: async ({ db, actor }, input) => {
    await requireBeheerder(db, actor);
    return createMailbox({ db, ring: getKeyring(), actor, input });
  },
  success: 'Mailbox aangemaakt',
  revalidate: () => ['/beheer/mailboxen'],
  redirect: (mailbox) => `/beheer/mailboxen/${mailbox.id}?aangemaakt=1`,
});

export const updateMailboxAction = serverAction({
  ...ADMIN,
  name: 'mailbox.update',
  // The update's own schema (an empty secret keeps the stored one) with the mailbox's id beside it.
  input: z.preprocess(
    (form) => ({ ...mailboxInputFrom(form as Record<string, unknown>), id: (form as { id?: unknown }).id }),
    ZMailboxFields.extend({ id: z.string(), secret: z.string().optional() }).refine(
      oauthComplete,
      OAUTH_INCOMPLETE,
    ),
  ),
  run: ({ db, actor }, { id, ...input }) => updateMailbox({ db, ring: getKeyring(), actor, id, input }),
  success: 'Wijzigingen opgeslagen. Het verwerkingsproces gebruikt ze binnen enkele seconden.',
  revalidate: (input) => [`/beheer/mailboxen/${input.id}`],
});

export const setMailboxActiveAction = serverAction({
  ...ADMIN,
  name: 'mailbox.set-active',
  input: ZMailboxId.extend({ active: booleanField }),
  run: ({ db, actor }, input) => setMailboxActive({ db, actor, ...input }),
  success: (_out, input) => (input.active ? 'Mailbox ingeschakeld' : 'Mailbox uitgeschakeld'),
  revalidate: (input) => [`/beheer/mailboxen/${input.id}`],
});

export const testConnectionAction = serverAction({
  ...ADMIN,
  name: 'mailbox.test-connection',
  input: ZMailboxId,
  run: ({ db, actor }, input) => testMailboxConnection({ db, ring: getKeyring(), actor, ...input }),
  success: (checks) =>
    checks.some((check) => check.ok === false)
      ? 'De verbinding werkt niet: zie de stappen hieronder.'
      : 'Alle stappen geslaagd.',
  data: (checks) => ({ checks: JSON.stringify(checks) }),
  revalidate: (input) => [`/beheer/mailboxen/${input.id}`],
});

export const retryParkedAction = serverAction({
  ...ADMIN,
  name: 'mailbox.retry-parked',
  input: ZMessageOnMailbox,
  run: ({ db, actor }, input) => retryParkedMessage({ db, actor, id: input.id }),
  success: 'Opnieuw aangeboden; het verwerkingsproces leest het bij de volgende ronde.',
  revalidate: mailboxPage,
});

export const markHandledAction = serverAction({
  ...ADMIN,
  name: 'mailbox.mark-handled',
  input: ZMessageOnMailbox,
  run: ({ db, actor }, input) => markParkedHandled({ db, actor, id: input.id }),
  success: 'Gemarkeerd als afgehandeld',
  revalidate: mailboxPage,
});

export const retryOutgoingAction = serverAction({
  ...ADMIN,
  name: 'mailbox.retry-outgoing',
  input: ZMessageOnMailbox,
  run: ({ db, actor }, input) => retryOutgoingMail({ db, actor, id: input.id }),
  success: 'Opnieuw in de wachtrij gezet',
  revalidate: mailboxPage,
});
