import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/require-user';
import { AdminHeading } from '../../_shared/admin-heading';
import { createMailboxAction } from '../actions';
import { MailboxForm, NEW_MAILBOX } from '../mailbox-form';

export const metadata: Metadata = { title: 'Nieuwe mailbox' };
export const dynamic = 'force-dynamic';

export default async function NewMailboxPage() {
  await requireUser(['BEHEERDER']);
  return (
    <section>
      <AdminHeading title="Nieuwe mailbox" back={{ href: '/beheer/mailboxen', label: 'Mailboxen' }}>
        Na het opslaan kunt u de verbinding testen. Het verwerkingsproces begint binnen enkele seconden met de
        nieuwe mailbox.
      </AdminHeading>
      <MailboxForm action={createMailboxAction} values={NEW_MAILBOX} />
    </section>
  );
}
