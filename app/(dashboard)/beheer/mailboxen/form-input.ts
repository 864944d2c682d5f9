import type { TMailboxUpdate } from '@/lib/mailbox/update-mailbox';

const OPTIONAL = [
  'oauthTenantId',
  'oauthClientId',
  'oauthCertThumbprint',
  'authservId',
  'sentFolder',
  'secret',
] as const;
const FIELDS = [
  'name',
  'imapHost',
  'imapPort',
  'imapTls',
  'smtpHost',
  'smtpPort',
  'smtpTls',
  'authType',
  'username',
  'fromAddress',
  'signalRecipient',
  'authenticityPolicy',
  'pollIntervalSec',
  'otherMailAction',
  'inboxFolder',
  'processedFolder',
  'errorFolder',
  'otherFolder',
  'quarantineFolder',
  ...OPTIONAL,
] as const;

/** The mailbox form's fields as the lib/mailbox schema expects them: blanks left out, domains split. */
export function mailboxInputFrom(form: FormData): TMailboxUpdate {
  const input: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const v = form.get(key);
    if (typeof v === 'string' && v.trim() !== '') input[key] = key === 'secret' ? v : v.trim();
  }
  const domains = form.get('trustedDomains');
  input.trustedDomains = typeof domains === 'string' ? domains.split(/[\s,;]+/).filter(Boolean) : [];
  return input as TMailboxUpdate;
}
