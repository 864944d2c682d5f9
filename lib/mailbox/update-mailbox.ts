import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import { encryptSecret, type TKeyring } from '../secrets/crypto';
import { mailboxSecretContext } from '../secrets/secret-context';
import type { TDb } from '../db/client';
import {
  imapPlainOnlyOnLoopback,
  OAUTH_INCOMPLETE,
  oauthComplete,
  smtpPlainOnlyOnLoopback,
  ZMailboxFields,
} from './create-mailbox';
import { recordAdreslijstWijziging } from '../werkgebied/record-adreslijst-wijziging';
import { AppError } from '../errors';
import { requireBeheerder } from '../auth/require-beheerder';

/**
 * Like a new mailbox, but an empty secret keeps the stored one (secrets are write-only) — only
 * while the secret would still go where it went before (CONNECTION_FIELDS unchanged).
 */
export const ZMailboxUpdate = ZMailboxFields.extend({ secret: z.string().optional() })
  .refine(oauthComplete, OAUTH_INCOMPLETE)
  .refine(...imapPlainOnlyOnLoopback)
  .refine(...smtpPlainOnlyOnLoopback);

/**
 * Where and as whom the stored secret is presented. Changing any of them without entering the
 * secret again would let a beheerder send the stored password or token to a server of their
 * choosing ("verbinding testen" against their own host) and read it there.
 */
const CONNECTION_FIELDS = [
  'imapHost',
  'imapPort',
  'imapTls',
  'smtpHost',
  'smtpPort',
  'smtpTls',
  'authType',
  'username',
  'oauthTenantId',
  'oauthClientId',
  'oauthCertThumbprint',
] as const;

export const SECRET_REQUIRED =
  'Vul het wachtwoord of geheim opnieuw in: het wordt niet bewaard voor een andere server, poort, TLS-instelling of aanmelding.';

export type TMailboxUpdate = z.input<typeof ZMailboxUpdate>;

/**
 * Changes a mailbox's settings. The running worker notices the new configuration fingerprint
 * (lib/mailbox/config-key.ts) and rebuilds its session; no restart. The audit event names the
 * changed fields, never their values.
 */
export async function updateMailbox(opts: {
  db: TDb;
  ring: TKeyring;
  actor: TAuditActor;
  id: string;
  input: TMailboxUpdate;
}) {
  const { secret, ...rest } = ZMailboxUpdate.parse(opts.input);
  return opts.db.$transaction(async (tx) => {
    await requireBeheerder(tx, opts.actor);
    const before = await tx.mailbox.findUnique({ where: { id: opts.id }, omit: { secretEnc: true } });
    if (!before) throw new AppError('not_found', 'Mailbox niet gevonden');
    if (rest.name !== before.name && (await tx.mailbox.count({ where: { name: rest.name } }))) {
      throw new AppError('conflict', `Er bestaat al een mailbox met de naam ${rest.name}`);
    }
    const data = {
      ...rest,
      oauthTenantId: rest.oauthTenantId ?? null,
      oauthClientId: rest.oauthClientId ?? null,
      oauthCertThumbprint: rest.oauthCertThumbprint ?? null,
      authservId: rest.authservId ?? null,
      sentFolder: rest.sentFolder ?? null,
    };
    const changed = Object.keys(data).filter(
      (k) =>
        JSON.stringify(data[k as keyof typeof data]) !== JSON.stringify(before[k as keyof typeof before]),
    );
    const newSecret = !!secret;
    const redirected = changed.filter((field) => (CONNECTION_FIELDS as readonly string[]).includes(field));
    if (redirected.length && !newSecret) throw new AppError('validation', SECRET_REQUIRED);
    const mb = await tx.mailbox.update({
      where: { id: opts.id },
      data: {
        ...data,
        ...(newSecret ? { secretEnc: encryptSecret(secret, opts.ring, mailboxSecretContext(opts.id)) } : {}),
      },
      omit: { secretEnc: true },
    });
    if (changed.includes('fromAddress') || (changed.includes('active') && mb.active))
      await recordAdreslijstWijziging(tx, `Afleveradres: ${mb.fromAddress} (mailbox ${mb.name})`);
    await audit(tx, {
      actor: opts.actor,
      action: 'mailbox.update',
      objectType: 'mailbox',
      objectId: mb.id,
      details: { velden: changed.join(',') || null, geheimVervangen: newSecret },
    });
    return mb;
  });
}
