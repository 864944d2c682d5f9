/**
 * OAuth2 for mailboxes against local token endpoints speaking the providers' protocols: Microsoft
 * 365 client credentials with the decrypted client secret or with a certificate-signed client
 * assertion, and a Google Workspace service account's signed JWT. Tokens are cached until shortly
 * before they expire; a refusal is a configuration error (never a retry storm, never a secret in it).
 */
import { createHash, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../lib/secrets/crypto';
import type { Mailbox } from '../../lib/db/generated/client';
import { getKeyring } from '../../lib/secrets/keyring';
import { getMailboxLogin, MailboxConfigError } from '../../lib/mailbox/credentials';

let server: Server;
const requests: URLSearchParams[] = [];
let expiresIn = 3600;
// A fictitious certificate's key pair, and its "thumbprint" as the provider would register it.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const THUMBPRINT = createHash('sha1').update('fictief certificaat').digest('hex').toUpperCase();

/** The JWT's header and claims when its RS256 signature verifies with `key`, else null. */
function verifiedJwt(
  jwt: string | null,
  key: KeyObject,
): { header: Record<string, string>; claims: Record<string, string | number> } | null {
  const [h, c, sig] = (jwt ?? '').split('.');
  if (!h || !c || !sig || !verify('sha256', Buffer.from(`${h}.${c}`), key, Buffer.from(sig, 'base64url')))
    return null;
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(c, 'base64url').toString()),
  };
}
const assertions: ReturnType<typeof verifiedJwt>[] = [];

/** Microsoft's token endpoint: a client secret, or a client assertion signed with the registered certificate. */
function microsoftAccepts(form: URLSearchParams, url: string): boolean {
  if (form.get('client_secret') === 'juist-geheim') return true;
  if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    return false;
  const jwt = verifiedJwt(form.get('client_assertion'), publicKey);
  assertions.push(jwt);
  const now = Date.now() / 1000;
  return (
    !!jwt &&
    jwt.header.x5t === Buffer.from(THUMBPRINT, 'hex').toString('base64url') &&
    jwt.claims.iss === 'client-1' &&
    jwt.claims.sub === 'client-1' &&
    String(jwt.claims.aud).endsWith(url) &&
    Number(jwt.claims.exp) > now &&
    Number(jwt.claims.nbf) <= now + 5
  );
}

/** Google's token endpoint: a service account's JWT for the mailbox user with the Gmail scope. */
function googleAccepts(form: URLSearchParams): boolean {
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return false;
  const jwt = verifiedJwt(form.get('assertion'), publicKey);
  assertions.push(jwt);
  return (
    !!jwt &&
    jwt.claims.iss === 'meldpost@project.iam.gserviceaccount.example' &&
    jwt.claims.sub === 'meldpunt@gemeente.example' &&
    jwt.claims.scope === 'https://mail.google.com/'
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push(form);
      res.setHeader('content-type', 'application/json');
      const ok =
        req.url === '/google/token'
          ? googleAccepts(form)
          : req.url === '/tenant-1/oauth2/v2.0/token' && microsoftAccepts(form, req.url);
      if (!ok) {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: 'invalid_client' }));
        return;
      }
      res.end(
        JSON.stringify({
          access_token: `token-${requests.length}`,
          expires_in: expiresIn,
          token_type: 'Bearer',
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  process.env.MELDPOST_OAUTH_AUTHORITY = base;
  process.env.MELDPOST_GOOGLE_TOKEN_URL = `${base}/google/token`;
});
afterAll(() => {
  delete process.env.MELDPOST_OAUTH_AUTHORITY;
  delete process.env.MELDPOST_GOOGLE_TOKEN_URL;
  server.close();
});

const mailbox = (id: string, secret: string): Mailbox =>
  ({
    id,
    authType: 'OAUTH2_MICROSOFT',
    username: 'meldpunt@gemeente.example',
    secretEnc: encryptSecret(secret, getKeyring()),
    oauthTenantId: 'tenant-1',
    oauthClientId: 'client-1',
  }) as Mailbox;

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

  it('signs a client assertion with the certificate key for Microsoft, found by its thumbprint', async () => {
    const mb = { ...mailbox('d', PEM), oauthCertThumbprint: THUMBPRINT } as Mailbox;
    const login = await getMailboxLogin(mb, getKeyring());
    expect(login.accessToken).toMatch(/^token-/);
    const form = requests.at(-1)!;
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(assertions.at(-1)).not.toBeNull();
  });

  it('refuses an assertion signed with another key, and a key that is not PEM, as configuration errors', async () => {
    const wrong = {
      ...mailbox('e', otherKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
      oauthCertThumbprint: THUMBPRINT,
    } as Mailbox;
    await expect(getMailboxLogin(wrong, getKeyring())).rejects.toThrow(MailboxConfigError);
    expect(assertions.at(-1)).toBeNull();
    const notPem = { ...mailbox('f', 'geen sleutel'), oauthCertThumbprint: THUMBPRINT } as Mailbox;
    const err = await getMailboxLogin(notPem, getKeyring()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailboxConfigError);
    expect((err as Error).message).toContain('PEM');
  });

  it('fetches a Google Workspace token with the service account acting as the mailbox user', async () => {
    const mb = {
      ...mailbox('g', PEM),
      authType: 'OAUTH2_GOOGLE',
      oauthTenantId: null,
      oauthClientId: 'meldpost@project.iam.gserviceaccount.example',
    } as Mailbox;
    const login = await getMailboxLogin(mb, getKeyring());
    expect(login).toEqual({
      user: 'meldpunt@gemeente.example',
      accessToken: expect.stringMatching(/^token-/),
    });
    expect(assertions.at(-1)?.claims.aud).toBe(process.env.MELDPOST_GOOGLE_TOKEN_URL);
    const refused = { ...mb, id: 'h', oauthClientId: 'ander@project.iam.gserviceaccount.example' } as Mailbox;
    await expect(getMailboxLogin(refused, getKeyring())).rejects.toThrow('OAuth2-token geweigerd (401');
  });
});
