'use server';

import { z } from 'zod';
import { getKeyring } from '@/lib/secrets/keyring';
import { removeZelftestMail } from '@/lib/zelftest/remove-zelftest-mail';
import { startKetenZelftest } from '@/lib/zelftest/start-keten-zelftest';
import { serverAction } from '@/lib/web/server-action';

const mailboxPage = (input: { mailboxId: string }) => [`/beheer/mailboxen/${input.mailboxId}`];

/** Starts a keten-zelftest; its signal goes only to the address given here, if any. */
export const startZelftestAction = serverAction({
  name: 'zelftest.start',
  roles: ['BEHEERDER'],
  input: z.object({
    mailboxId: z.string(),
    signalTo: z.union([z.literal(''), z.email('geef een geldig e-mailadres, of laat het leeg')]),
  }),
  run: ({ db, actor }, input) =>
    startKetenZelftest({ db, actor, mailboxId: input.mailboxId, signalTo: input.signalTo || null }),
  success: 'Zelftest gestart: de stappen verschijnen hieronder.',
  revalidate: mailboxPage,
});

/** Expunges the zelftest's test mail from the mailbox (its last step). */
export const removeZelftestMailAction = serverAction({
  name: 'zelftest.verwijder',
  roles: ['BEHEERDER'],
  input: z.object({ id: z.string(), mailboxId: z.string() }),
  run: ({ db, actor }, input) => removeZelftestMail({ db, ring: getKeyring(), actor, zelftestId: input.id }),
  success: (removed) =>
    removed
      ? 'Testbericht verwijderd.'
      : 'Het testbericht kon nog niet worden verwijderd; probeer het later opnieuw.',
  revalidate: mailboxPage,
});
