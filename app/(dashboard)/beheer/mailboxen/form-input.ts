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

/**
 * The mailbox form's fields as the lib/mailbox schema expects them: blanks left out, domains split.
 * Only rearranges; the schema validates what comes out.
 */
export function mailboxInputFrom(form: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const value = form[key];
    if (typeof value === 'string' && value.trim() !== '')
      input[key] = key === 'secret' ? value : value.trim();
  }
  const domains = form.trustedDomains;
  input.trustedDomains = typeof domains === 'string' ? domains.split(/[\s,;]+/).filter(Boolean) : [];
  return input;
}
