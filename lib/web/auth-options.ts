/**
 * next-auth 4. The Credentials provider requires JWT sessions, so the JWT carries only the id of
 * a `Session` row (and how the user signed in); `getSessionState` checks that row on every
 * request, which makes sessions revocable (logout, deactivation, "alle sessies beëindigen", idle
 * and absolute timeouts). Sign-in is two steps, each its own provider, each issuing a new
 * session id: `credentials` (e-mail + password → a session that still needs its second factor)
 * and `second-factor` (TOTP or recovery code → a verified session). Optionally `oidc`. TOTP
 * enrolment, a server action, issues its new session id with `reissueSessionCookie`.
 */
import type { NextAuthOptions } from 'next-auth';
import { getServerSession } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { z } from 'zod';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { endSession } from '../auth/end-session';
import { signInWithOidc } from '../auth/sign-in-with-oidc';
import { signInWithPassword } from '../auth/sign-in-with-password';
import { verifySecondFactor } from '../auth/verify-second-factor';
import type { TOidcClaims } from '../auth/oidc-email';
import { publicUrl } from './public-url';
import { requestOrigin } from './request-origin';
import type { TSignInMethod } from '../auth/session-stage';
import { sessionTimes } from '../auth/session-times';

const ZCredentials = z.object({
  email: z.email().transform((e) => e.trim().toLowerCase()),
  password: z.string().min(1).max(200),
});
const ZCode = z.object({ code: z.string().trim().min(1).max(40) });

declare module 'next-auth' {
  /** What `authorize` hands the jwt callback: the Session row's id and, after a step, how the user signed in. */
  interface User {
    via?: TSignInMethod;
  }
}

/** Secure cookies (with their `__Secure-` names) when the configured public address is https. */
const secureCookies = () => publicUrl('/').protocol === 'https:';

/** Error codes the sign-in forms translate (see LOGIN_MESSAGES); never which part was wrong. */
export type TSignInError = 'invalid' | 'locked' | 'no_session';

function oidcProvider(): OAuthConfig<TOidcClaims & { sub: string }> | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: 'oidc',
    name: env.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    profile: (claims) => ({ id: claims.sub }),
  };
}

export function getAuthOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: getEnv().NEXTAUTH_SECRET,
    useSecureCookies: secureCookies(),
    session: { strategy: 'jwt', maxAge: Math.ceil(sessionTimes().maxMs / 1000) },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'E-mail en wachtwoord',
        credentials: {
          email: { label: 'E-mailadres', type: 'email' },
          password: { label: 'Wachtwoord', type: 'password' },
        },
        async authorize(raw) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) throw new Error('invalid' satisfies TSignInError);
          const result = await signInWithPassword({
            db: getDb(),
            ...parsed.data,
            ...(await requestOrigin()),
          });
          if (!result.ok) throw new Error(result.reason satisfies TSignInError);
          return { id: result.sessionId };
        },
      }),
      CredentialsProvider({
        id: 'second-factor',
        name: 'Tweede factor',
        credentials: { code: { label: 'Code', type: 'text' } },
        async authorize(raw) {
          const parsed = ZCode.safeParse(raw);
          const current = (await getServerSession(getAuthOptions())) as {
            sid?: string;
            via?: TSignInMethod;
          } | null;
          if (!current?.sid) throw new Error('no_session' satisfies TSignInError);
          if (!parsed.success) throw new Error('invalid' satisfies TSignInError);
          const result = await verifySecondFactor({
            db: getDb(),
            sessionId: current.sid,
            code: parsed.data.code,
            ...(await requestOrigin()),
          });
          if (!result.ok) throw new Error(result.reason satisfies TSignInError);
          // An identity-provider sign-in stays one after the app's own second factor.
          return { id: result.sessionId, via: current.via ?? 'password' };
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const result = await signInWithOidc({
          db: getDb(),
          claims: (profile ?? {}) as TOidcClaims,
          idpMfa: getEnv().OIDC_IDP_MFA,
          mfaAcr: getEnv().OIDC_MFA_ACR,
          ...(await requestOrigin()),
        });
        if (!result.ok)
          return result.reason === 'other_subject' ? '/login?error=oidc_account' : '/login?error=oidc';
        // next-auth hands this same object to the jwt callback: from here on it names the session row.
        user.id = result.sessionId;
        return true;
      },
      // `user.id` is the Session row's id (see authorize and signIn); nothing else goes in the token.
      jwt: ({ token, user, account }) =>
        user
          ? {
              sid: user.id,
              via: (account?.provider === 'oidc' ? 'oidc' : (user.via ?? 'password')) satisfies TSignInMethod,
            }
          : token,
      session: ({ session, token }) => ({
        ...session,
        sid: token.sid as string,
        via: token.via as TSignInMethod,
      }),
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string')
          await endSession({
            db: getDb(),
            sessionId: token.sid,
            actor: { id: null, label: 'onbekend', ...(await requestOrigin()) },
          });
      },
    },
  };
}

/**
 * Points this browser's session cookie at another Session row, keeping how the user signed in:
 * for a server action that replaced the session (TOTP enrolment), as next-auth does itself after
 * its own sign-in steps. Same name, flags and lifetime as next-auth's cookie.
 */
export async function reissueSessionCookie(sessionId: string): Promise<void> {
  const options = getAuthOptions();
  const current = (await getServerSession(options)) as { via?: TSignInMethod } | null;
  const maxAge = options.session!.maxAge!;
  const secure = secureCookies();
  const token = { sid: sessionId, via: current?.via ?? 'password' } satisfies Record<string, unknown>;
  (await cookies()).set(
    `${secure ? '__Secure-' : ''}next-auth.session-token`,
    await encode({ token, secret: options.secret!, maxAge }),
    { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge },
  );
}
