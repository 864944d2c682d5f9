import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import { recordAdreslijstWijziging } from '../werkgebied/record-adreslijst-wijziging';
import { encryptSecret, type TKeyring } from '../secrets/crypto';
import { mailboxSecretContext } from '../secrets/secret-context';
import type { TDb } from '../db/client';
import { AppError } from '../errors';

const tls = z.enum(['tls', 'starttls', 'none']);
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'geen geldig domein');

const folder = z.string().trim().min(1).max(200);

/** The mailbox settings a beheerder enters; `secret` is the password or OAuth2 client secret. */
export const ZMailboxFields = z.object({
  name: z.string().trim().min(1).max(100),
  imapHost: z.string().trim().min(1),
  imapPort: z.coerce.number().int().min(1).max(65535).default(993),
  imapTls: tls.default('tls'),
  smtpHost: z.string().trim().min(1),
  smtpPort: z.coerce.number().int().min(1).max(65535).default(587),
  smtpTls: tls.default('starttls'),
  authType: z.enum(['PASSWORD', 'OAUTH2_MICROSOFT', 'OAUTH2_GOOGLE']).default('PASSWORD'),
  username: z.string().trim().min(1),
  secret: z
    .string({ error: 'wachtwoord of client secret ontbreekt' })
    .min(1, 'wachtwoord of client secret ontbreekt'),
  oauthTenantId: z.string().trim().min(1).optional(),
  oauthClientId: z.string().trim().min(1).optional(),
  /** Microsoft with a certificate instead of a client secret: its SHA-1 thumbprint (40 hex digits). */
  oauthCertThumbprint: z
    .string()
    .trim()
    .transform((t) => t.replace(/[\s:]/g, '').toUpperCase())
    .pipe(z.string().regex(/^[0-9A-F]{40}$/, 'vingerafdruk: 40 hexadecimale tekens'))
    .optional(),
  fromAddress: z.email(),
  signalRecipient: z.email(),
  trustedDomains: z.array(domain).min(1).default(['politie.nl']),
  authenticityPolicy: z.enum(['ENFORCE', 'MONITOR']).default('ENFORCE'),
  authservId: z.string().trim().min(1).optional(),
  pollIntervalSec: z.coerce.number().int().min(5).max(3600).default(60),
  otherMailAction: z.enum(['MOVE', 'LEAVE']).default('MOVE'),
  inboxFolder: folder.default('INBOX'),
  processedFolder: folder.default('Verwerkt'),
  errorFolder: folder.default('Fout'),
  otherFolder: folder.default('Overig'),
  quarantineFolder: folder.default('Quarantaine'),
  /** Where a copy of what meldpost sends is kept; left out: no copies. */
  sentFolder: folder.optional(),
});

export const oauthComplete = (m: {
  authType?: string;
  oauthTenantId?: string | null;
  oauthClientId?: string | null;
}) =>
  m.authType === 'OAUTH2_MICROSOFT'
    ? !!(m.oauthTenantId && m.oauthClientId)
    : m.authType === 'OAUTH2_GOOGLE'
      ? !!m.oauthClientId
      : true;
export const OAUTH_INCOMPLETE = {
  message:
    'OAuth2 vraagt om tenant-id en client-id (Microsoft) of het e-mailadres van het serviceaccount (Google)',
  path: ['oauthClientId'],
};

/**
 * Without TLS, the password or token goes over the wire readable by anyone on the path, and a
 * beheerder could point a mailbox at a host of their own and read the stored secret off the
 * connection. 'none' is therefore only for a server on this machine (a local relay or test
 * server).
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

const NONE_ONLY_LOOPBACK =
  'zonder TLS alleen voor een server op deze machine (localhost, 127.0.0.1 of ::1); kies TLS of STARTTLS';

/** Checks of every mailbox input, new or changed: TLS 'none' only towards this machine. */
export const imapPlainOnlyOnLoopback = [
  (m: { imapTls: string; imapHost: string }) => m.imapTls !== 'none' || isLoopbackHost(m.imapHost),
  { message: `IMAP ${NONE_ONLY_LOOPBACK}`, path: ['imapTls'] as string[] },
] as const;
export const smtpPlainOnlyOnLoopback = [
  (m: { smtpTls: string; smtpHost: string }) => m.smtpTls !== 'none' || isLoopbackHost(m.smtpHost),
  { message: `SMTP ${NONE_ONLY_LOOPBACK}`, path: ['smtpTls'] as string[] },
] as const;

export const ZMailboxInput = ZMailboxFields.refine(oauthComplete, OAUTH_INCOMPLETE)
  .refine(...imapPlainOnlyOnLoopback)
  .refine(...smtpPlainOnlyOnLoopback);

export type TMailboxInput = z.input<typeof ZMailboxInput>;

/** Creates a mailbox; its password or client secret is encrypted before it reaches the database. */
export async function createMailbox(opts: {
  db: TDb;
  ring: TKeyring;
  actor: TAuditActor;
  input: TMailboxInput;
}) {
  const { secret, ...rest } = ZMailboxInput.parse(opts.input);
  if (await opts.db.mailbox.findUnique({ where: { name: rest.name }, select: { id: true } })) {
    throw new AppError('conflict', `Er bestaat al een mailbox met de naam ${rest.name}`);
  }
  return opts.db.$transaction(async (tx) => {
    // The id is chosen here, so the secret can be sealed to its row before the row exists.
    const id = randomUUID();
    const mb = await tx.mailbox.create({
      data: { id, ...rest, secretEnc: encryptSecret(secret, opts.ring, mailboxSecretContext(id)) },
      omit: { secretEnc: true },
    });
    // A new delivery address must reach the landelijke adressenlijst (protocol Bijlage B).
    if (mb.active)
      await recordAdreslijstWijziging(tx, `Nieuw afleveradres: ${mb.fromAddress} (mailbox ${mb.name})`);
    await audit(tx, {
      actor: opts.actor,
      action: 'mailbox.create',
      objectType: 'mailbox',
      objectId: mb.id,
    });
    return mb;
  });
}
