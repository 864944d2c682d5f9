/**
 * OAuth2 client credentials for Microsoft 365 against a local token endpoint speaking the same
 * protocol: the token is fetched with the decrypted client secret, cached until shortly before it
 * expires, and a refusal is a configuration error (never a retry storm, never a logged secret).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../lib/crypto';
import type { Mailbox } from '../../lib/db/generated/client';
import { getKeyring } from '../../lib/keyring';
import { getMailboxLogin, MailboxConfigError } from '../../lib/mailbox/credentials';

let server: Server;
const requests: URLSearchParams[] = [];
let expiresIn = 3600;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push(form);
      res.setHeader('content-type', 'application/json');
      if (!req.url?.startsWith('/tenant-1/oauth2/v2.0/token') || form.get('client_secret') !== 'juist-geheim') {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: 'invalid_client' }));
        return;
      }
      res.end(JSON.stringify({ access_token: `token-${requests.length}`, expires_in: expiresIn, token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.MELDPOST_OAUTH_AUTHORITY = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  delete process.env.MELDPOST_OAUTH_AUTHORITY;
  server.close();
});

const mailbox = (id: string, secret: string): Mailbox =>
  ({ id, authType: 'OAUTH2_MICROSOFT', username: 'meldpunt@gemeente.example', secretEnc: encryptSecret(secret, getKeyring()), oauthTenantId: 'tenant-1', oauthClientId: 'client-1' }) as Mailbox;

describe('OAuth2 client credentials', () => {
  it('fetches a token with the client-credentials grant and caches it', async () => {
    const mb = mailbox('a', 'juist-geheim');
    const login = await getMailboxLogin(mb, getKeyring());
    expect(login).toEqual({ user: 'meldpunt@gemeente.example', accessToken: 'token-1' });
    expect(requests[0]!.get('grant_type')).toBe('client_credentials');
    expect(requests[0]!.get('scope')).toBe('https://outlook.office365.com/.default');
    expect(await getMailboxLogin(mb, getKeyring())).toEqual(login);
    expect(requests).toHaveLength(1);
  });

  it('refreshes a token that is about to expire', async () => {
    expiresIn = 60;
    const mb = mailbox('b', 'juist-geheim');
    const first = await getMailboxLogin(mb, getKeyring());
    const second = await getMailboxLogin(mb, getKeyring());
    expect(second.accessToken).not.toBe(first.accessToken);
    expiresIn = 3600;
  });

  it('turns a refused client secret into a configuration error without the secret in it', async () => {
    const err = await getMailboxLogin(mailbox('c', 'fout-geheim'), getKeyring()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailboxConfigError);
    expect((err as Error).message).toContain('OAuth2-token geweigerd (401, invalid_client)');
    expect((err as Error).message).not.toContain('fout-geheim');
  });
});
