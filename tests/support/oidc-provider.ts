/**
 * A tiny OpenID Connect provider for tests: discovery, an authorize endpoint that signs in
 * whoever `setUser` named (no login page), a token endpoint that returns an RS256-signed
 * id_token, and the JWKS. Just enough for next-auth's OIDC client; checks the client secret,
 * redirect URI and PKCE verifier so a broken client fails here.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TOidcUser = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  /** How the provider says the user signed in (RFC 8176 method references, authentication context). */
  amr?: string[];
  acr?: string;
};
export type TOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  setUser: (u: TOidcUser) => void;
  stop: () => Promise<void>;
};

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url');

async function body(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

export async function startOidcProvider(): Promise<TOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(4).toString('hex');
  const clientId = 'meldpost-test';
  const clientSecret = randomBytes(16).toString('hex');
  let user: TOidcUser = { sub: 'nobody' };
  const codes = new Map<
    string,
    { nonce?: string; challenge?: string; redirectUri: string; user: TOidcUser }
  >();
  let issuer = '';

  const idToken = (claims: Record<string, unknown>) => {
    const input = `${b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64u(JSON.stringify(claims))}`;
    return `${input}.${b64u(sign('sha256', Buffer.from(input), privateKey))}`;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks')
      return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('response_type') !== 'code')
        return json(400, { error: 'invalid_request' });
      const code = randomBytes(12).toString('hex');
      codes.set(code, {
        nonce: q.get('nonce') ?? undefined,
        challenge: q.get('code_challenge') ?? undefined,
        redirectUri: q.get('redirect_uri')!,
        user,
      });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      if (q.get('state')) back.searchParams.set('state', q.get('state')!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = await body(req);
      const basic = Buffer.from(
        (req.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      ).toString();
      const [id, secret] = basic
        ? basic.split(':').map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')];
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
      if (!grant || grant.redirectUri !== form.get('redirect_uri'))
        return json(400, { error: 'invalid_grant' });
      if (
        grant.challenge &&
        createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url') !== grant.challenge
      )
        return json(400, { error: 'invalid_grant' });
      const now = Math.floor(Date.now() / 1000);
      return json(200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken({
          iss: issuer,
          aud: clientId,
          iat: now,
          exp: now + 300,
          ...(grant.nonce ? { nonce: grant.nonce } : {}),
          ...grant.user,
        }),
      });
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    setUser: (u) => {
      user = u;
    },
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
