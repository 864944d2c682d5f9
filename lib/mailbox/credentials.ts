/**
 * The login for a mailbox: the decrypted password, or for Microsoft 365 an OAuth2 access token
 * fetched with the client-credentials grant. Tokens live only in memory, are refreshed before they
 * expire, and are never stored or logged.
 */
import { decryptSecret, type TKeyring } from '../crypto';
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

export async function fetchMicrosoftToken(mb: Mailbox, clientSecret: string): Promise<TToken> {
  if (!mb.oauthTenantId || !mb.oauthClientId) throw new MailboxConfigError('OAuth2: tenant-id of client-id ontbreekt');
  const res = await fetch(tokenEndpoint(mb.oauthTenantId), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: mb.oauthClientId, client_secret: clientSecret, grant_type: 'client_credentials', scope: 'https://outlook.office365.com/.default' }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
  if (!res.ok || !body.access_token) {
    // 400/401 mean the configuration is wrong (secret, tenant, consent): no point retrying fast.
    const msg = `OAuth2-token geweigerd (${res.status}${body.error ? `, ${body.error}` : ''})`;
    throw res.status >= 400 && res.status < 500 ? new MailboxConfigError(msg) : new Error(msg);
  }
  return { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
}

export async function getMailboxLogin(mb: Mailbox, ring: TKeyring): Promise<TMailboxLogin> {
  const secret = decryptSecret(mb.secretEnc, ring);
  if (mb.authType === 'PASSWORD') return { user: mb.username, pass: secret };
  const cached = tokens.get(mb.id);
  // Refresh five minutes before expiry, so a long IMAP session never presents a stale token.
  if (cached && cached.expiresAt - Date.now() > 5 * 60_000) return { user: mb.username, accessToken: cached.token };
  const fresh = await fetchMicrosoftToken(mb, secret);
  tokens.set(mb.id, fresh);
  return { user: mb.username, accessToken: fresh.token };
}

/** Milliseconds until the cached token for this mailbox should be refreshed, or null (password). */
export function tokenRefreshIn(mb: Mailbox): number | null {
  const cached = tokens.get(mb.id);
  return mb.authType === 'PASSWORD' || !cached ? null : Math.max(0, cached.expiresAt - Date.now() - 5 * 60_000);
}
