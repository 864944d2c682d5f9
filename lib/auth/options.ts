/**
 * next-auth 4 with e-mail + password. The Credentials provider requires JWT sessions, so the JWT
 * carries only the id of a `Session` row; `getCurrentUser` checks that row on every request,
 * which makes sessions revocable (logout, deactivation, idle and absolute timeouts).
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { verifyPassword } from './password';

export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

const ZCredentials = z.object({ email: z.email().transform((e) => e.toLowerCase()), password: z.string().min(1).max(200) });

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_ABSOLUTE_MS / 1000 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'E-mail en wachtwoord',
        credentials: { email: { label: 'E-mailadres', type: 'email' }, password: { label: 'Wachtwoord', type: 'password' } },
        async authorize(raw) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const db = getDb();
          const user = await db.user.findUnique({ where: { email: parsed.data.email } });
          const ok = !!user?.passwordHash && user.active && (await verifyPassword(user.passwordHash, parsed.data.password));
          if (!user || !ok) {
            await audit(db, { actor: { id: user?.id ?? null, label: user?.email ?? 'onbekend' }, action: 'auth.login', objectType: 'user', objectId: user?.id ?? null, outcome: 'DENIED' });
            return null;
          }
          const session = await db.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS) } });
          await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
          await audit(db, { actor: { id: user.id, label: user.email }, action: 'auth.login', objectType: 'user', objectId: user.id });
          return { id: session.id, email: user.email };
        },
      }),
    ],
    callbacks: {
      // `user.id` here is the Session row's id (see authorize); nothing else goes in the token.
      jwt: ({ token, user }) => (user ? { sid: user.id } : token),
      session: ({ session, token }) => ({ ...session, sid: token.sid as string }),
    },
  };
}
