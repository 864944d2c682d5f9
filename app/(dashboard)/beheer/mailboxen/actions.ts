'use server';

import { redirect } from 'next/navigation';
import { getKeyring } from '@/lib/secrets/keyring';
import { createMailbox, type TMailboxInput } from '@/lib/mailbox/create-mailbox';
import { markParkedHandled } from '@/lib/ingest/mark-parked-handled';
import { requireBeheerder } from '@/lib/auth/require-beheerder';
import { retryOutgoingMail } from '@/lib/outbox/retry-outgoing-mail';
import { retryParkedMessage } from '@/lib/ingest/retry-parked-message';
import { setMailboxActive } from '@/lib/mailbox/set-mailbox-active';
import { testMailboxConnection } from '@/lib/mailbox/test-mailbox-connection';
import { updateMailbox } from '@/lib/mailbox/update-mailbox';
import type { TAdminState } from '../_shared/action-state';
import { field, runAdminAction } from '../_shared/run-admin-action';
import { mailboxInputFrom } from './form-input';

export async function createMailboxAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  const state = await runAdminAction('/beheer/mailboxen', 'Mailbox aangemaakt', async ({ db, actor }) => {
    await requireBeheerder(db, actor);
    const mb = await createMailbox({
      db,
      ring: getKeyring(),
      actor,
      input: mailboxInputFrom(form) as TMailboxInput,
    });
    return { id: mb.id };
  });
  if (state?.ok && state.data?.id) redirect(`/beheer/mailboxen/${state.data.id}?aangemaakt=1`);
  return state;
}

export async function updateMailboxAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  const id = field(form, 'id');
  return runAdminAction(
    `/beheer/mailboxen/${id}`,
    'Wijzigingen opgeslagen. Het verwerkingsproces gebruikt ze binnen enkele seconden.',
    async ({ db, actor }) => {
      await updateMailbox({ db, ring: getKeyring(), actor, id, input: mailboxInputFrom(form) });
    },
  );
}

export async function setMailboxActiveAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  const id = field(form, 'id');
  const active = field(form, 'active') === 'true';
  return runAdminAction(
    `/beheer/mailboxen/${id}`,
    active ? 'Mailbox ingeschakeld' : 'Mailbox uitgeschakeld',
    ({ db, actor }) => setMailboxActive({ db, actor, id, active }),
  );
}

export async function testConnectionAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  const id = field(form, 'id');
  let failed = false;
  const state = await runAdminAction(`/beheer/mailboxen/${id}`, 'Test uitgevoerd', async ({ db, actor }) => {
    const checks = await testMailboxConnection({ db, ring: getKeyring(), actor, id });
    failed = checks.some((c) => c.ok === false);
    return { checks: JSON.stringify(checks) };
  });
  return state?.ok
    ? {
        ...state,
        message: failed ? 'De verbinding werkt niet: zie de stappen hieronder.' : 'Alle stappen geslaagd.',
      }
    : state;
}

export async function retryParkedAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  const id = field(form, 'id');
  return runAdminAction(
    `/beheer/mailboxen/${field(form, 'mailboxId')}`,
    'Opnieuw aangeboden; het verwerkingsproces leest het bij de volgende ronde.',
    ({ db, actor }) => retryParkedMessage({ db, actor, id }),
  );
}

export async function markHandledAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  const id = field(form, 'id');
  return runAdminAction(
    `/beheer/mailboxen/${field(form, 'mailboxId')}`,
    'Gemarkeerd als afgehandeld',
    ({ db, actor }) => markParkedHandled({ db, actor, id }),
  );
}

export async function retryOutgoingAction(_: TAdminState, form: FormData): Promise<TAdminState> {
  const id = field(form, 'id');
  return runAdminAction(
    `/beheer/mailboxen/${field(form, 'mailboxId')}`,
    'Opnieuw in de wachtrij gezet',
    ({ db, actor }) => retryOutgoingMail({ db, actor, id }),
  );
}
