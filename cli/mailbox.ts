import { SYSTEM_ACTOR } from '../lib/audit/audit';
import type { TDb } from '../lib/db/client';
import { getKeyring } from '../lib/secrets/keyring';
import { createMailbox, ZMailboxInput } from '../lib/mailbox/create-mailbox';
import { CliUsageError, parseCommandArgs } from './usage';

const FIELDS = {
  name: 'name',
  'imap-host': 'imapHost',
  'imap-port': 'imapPort',
  'imap-tls': 'imapTls',
  'smtp-host': 'smtpHost',
  'smtp-port': 'smtpPort',
  'smtp-tls': 'smtpTls',
  auth: 'authType',
  username: 'username',
  tenant: 'oauthTenantId',
  'client-id': 'oauthClientId',
  'cert-thumbprint': 'oauthCertThumbprint',
  from: 'fromAddress',
  'signal-recipient': 'signalRecipient',
  'trusted-domains': 'trustedDomains',
  policy: 'authenticityPolicy',
  'authserv-id': 'authservId',
  'poll-interval': 'pollIntervalSec',
  'other-mail': 'otherMailAction',
  'sent-folder': 'sentFolder',
} as const;

export const MAILBOX_USAGE = `mailbox add --name N --imap-host H [--imap-port 993] [--imap-tls tls|starttls|none] --smtp-host H [--smtp-port 587] [--smtp-tls tls|starttls|none]
      --username U --from ADRES --signal-recipient ADRES [--trusted-domains politie.nl,...] [--policy enforce|monitor]
      [--auth password|oauth2-microsoft|oauth2-google --tenant T --client-id C --cert-thumbprint HEX] [--poll-interval 60] [--other-mail move|leave] [--sent-folder MAP]
      Het wachtwoord of client secret komt uit MELDPOST_MAILBOX_SECRET (nooit als argument: dan staat het in de proceslijst).
      Elke optie kan ook als omgevingsvariabele: --imap-host → MELDPOST_MAILBOX_IMAP_HOST.`;

/** `mailbox add …`: the first mailbox, from flags or MELDPOST_MAILBOX_* variables. Prints JSON without secrets. */
export async function mailboxCommand(db: TDb, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    Object.fromEntries(Object.keys(FIELDS).map((flag) => [flag, { type: 'string' as const }])),
    MAILBOX_USAGE,
    { min: 1, max: 1 },
  );
  if (positionals[0] !== 'add') throw new CliUsageError(MAILBOX_USAGE);
  const input: Record<string, unknown> = { secret: process.env.MELDPOST_MAILBOX_SECRET };
  for (const [flag, field] of Object.entries(FIELDS)) {
    const given = values[flag];
    const value =
      typeof given === 'string'
        ? given
        : process.env[`MELDPOST_MAILBOX_${flag.toUpperCase().replace(/-/g, '_')}`];
    if (value === undefined) continue;
    input[field] =
      field === 'trustedDomains'
        ? value.split(',')
        : ['authType', 'authenticityPolicy', 'otherMailAction'].includes(field)
          ? value.toUpperCase().replace(/-/g, '_')
          : value;
  }
  const mailbox = await createMailbox({
    db,
    ring: getKeyring(),
    actor: SYSTEM_ACTOR('cli'),
    // createMailbox validates it (ZMailboxInput): a wrong value is its Dutch message, exit 1.
    input: ZMailboxInput.parse(input),
  });
  process.stdout.write(
    `${JSON.stringify({ id: mailbox.id, name: mailbox.name, imap: `${mailbox.imapHost}:${mailbox.imapPort}`, smtp: `${mailbox.smtpHost}:${mailbox.smtpPort}`, authType: mailbox.authType, signalRecipient: mailbox.signalRecipient, trustedDomains: mailbox.trustedDomains, authenticityPolicy: mailbox.authenticityPolicy })}\n`,
  );
  return 0;
}
