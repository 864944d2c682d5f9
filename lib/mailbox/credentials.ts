/**
 * The login for a mailbox: the decrypted password, or an OAuth2 access token — for Microsoft 365
 * with the client-credentials grant (client secret, or a certificate-signed client assertion), for
 * Google Workspace with a service account's signed JWT acting as the mailbox user. Tokens live
 * only in memory, are refreshed before they expire, and are never stored or logged.
 */
import { randomUUID, sign } from 'node:crypto';
import { decryptStoredSecret, type TKeyring } from '../secrets/crypto';
import { mailboxSecretContext } from '../secrets/secret-context';
import type { Mailbox } from '../db/generated/client';

export type TMailboxLogin = { user: string; pass?: string; accessToken?: string };

export class MailboxConfigError extends Error {
  readonly code = 'mailbox_config';
}

type TToken = { token: string; expiresAt: number };
const tokens = new Map<string, TToken>();

/** Overridable for tests (a local token endpoint); production uses Microsoft's identity platform. */
export function tokenEndpoint(tenantId: string): string {
  const base = process.env.MELDPOST_OAUTH_AUTHORITY ?? 'https://login.microsoftonline.com';
  return `${base}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

/** Google's token endpoint; overridable for tests. */
export function googleTokenEndpoint(): string {
  return process.env.MELDPOST_GOOGLE_TOKEN_URL ?? 'https://oauth2.googleapis.com/token';
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** An RS256-signed JWT (RFC 7519) with the private key in PEM. */
function signedJwt(
  header: Record<string, string>,
  claims: Record<string, string | number>,
  privateKeyPem: string,
): string {
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', ...header }))}.${b64url(JSON.stringify(claims))}`;
  try {
    return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKeyPem))}`;
  } catch {
    throw new MailboxConfigError('OAuth2: de opgeslagen privésleutel is geen geldige PEM-sleutel');
  }
}

async function requestToken(url: string, form: Record<string, string>): Promise<TToken> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json().catch(() => ({}))) as {
    access_token?: string;
    expires_in?: number;
    error?: string;
  };
  if (!res.ok || !body.access_token) {
    // 400/401 mean the configuration is wrong (secret, tenant, consent): no point retrying fast.
    const msg = `OAuth2-token geweigerd (${res.status}${body.error ? `, ${body.error}` : ''})`;
    throw res.status >= 400 && res.status < 500 ? new MailboxConfigError(msg) : new Error(msg);
  }
  return { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
}

export async function fetchMicrosoftToken(mailbox: Mailbox, secret: string): Promise<TToken> {
  if (!mailbox.oauthTenantId || !mailbox.oauthClientId)
    throw new MailboxConfigError('OAuth2: tenant-id of client-id ontbreekt');
  const url = tokenEndpoint(mailbox.oauthTenantId);
  const form = {
    client_id: mailbox.oauthClientId,
    grant_type: 'client_credentials',
    scope: 'https://outlook.office365.com/.default',
  };
  if (!mailbox.oauthCertThumbprint) return requestToken(url, { ...form, client_secret: secret });
  // Certificate credentials: a client assertion signed with the certificate's key, which the
  // identity platform finds by the certificate's SHA-1 thumbprint (x5t).
  const now = Math.floor(Date.now() / 1000);
  const x5t = b64url(Buffer.from(mailbox.oauthCertThumbprint.replace(/[^0-9a-f]/gi, ''), 'hex'));
  const assertion = signedJwt(
    { x5t },
    {
      aud: url,
      iss: mailbox.oauthClientId,
      sub: mailbox.oauthClientId,
      jti: randomUUID(),
      nbf: now,
      iat: now,
      exp: now + 600,
    },
    secret,
  );
  return requestToken(url, {
    ...form,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  });
}

/** Google Workspace: the service account (domain-wide delegation) acts as the mailbox user. */
export async function fetchGoogleToken(mailbox: Mailbox, privateKeyPem: string): Promise<TToken> {
  if (!mailbox.oauthClientId)
    throw new MailboxConfigError('OAuth2: het e-mailadres van het serviceaccount ontbreekt');
  const url = googleTokenEndpoint();
  const now = Math.floor(Date.now() / 1000);
  const assertion = signedJwt(
    {},
    {
      iss: mailbox.oauthClientId,
      sub: mailbox.username,
      scope: 'https://mail.google.com/',
      aud: url,
      iat: now,
      exp: now + 3600,
    },
    privateKeyPem,
  );
  return requestToken(url, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
}

/** A fresh token for an OAuth2 mailbox, from its provider. */
export function fetchOAuthToken(mailbox: Mailbox, secret: string): Promise<TToken> {
  return mailbox.authType === 'OAUTH2_GOOGLE'
    ? fetchGoogleToken(mailbox, secret)
    : fetchMicrosoftToken(mailbox, secret);
}

export async function getMailboxLogin(mailbox: Mailbox, ring: TKeyring): Promise<TMailboxLogin> {
  const secret = decryptStoredSecret(mailbox.secretEnc, ring, mailboxSecretContext(mailbox.id));
  if (mailbox.authType === 'PASSWORD') return { user: mailbox.username, pass: secret };
  const cached = tokens.get(mailbox.id);
  // Refresh five minutes before expiry, so a long IMAP session never presents a stale token.
  if (cached && cached.expiresAt - Date.now() > 5 * 60_000)
    return { user: mailbox.username, accessToken: cached.token };
  const fresh = await fetchOAuthToken(mailbox, secret);
  tokens.set(mailbox.id, fresh);
  return { user: mailbox.username, accessToken: fresh.token };
}

/** Milliseconds until the cached token for this mailbox should be refreshed, or null (password). */
export function tokenRefreshIn(mailbox: Mailbox): number | null {
  const cached = tokens.get(mailbox.id);
  return mailbox.authType === 'PASSWORD' || !cached
    ? null
    : Math.max(0, cached.expiresAt - Date.now() - 5 * 60_000);
}
