/**
 * Attack: sign in with a generated one-time password found weeks later (in a mailbox, a chat, a
 * note). Before, it worked until changed; now it expires after ONE_TIME_PASSWORD_HOURS (72 by
 * default) and is refused like a wrong password. Time is not waited for: the stored expiry is
 * put in the past.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/audit/audit';
import { signInWithPassword } from '../../lib/auth/sign-in-with-password';
import { createUser } from '../../lib/users/create-user';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;

beforeAll(async () => {
  t = await createTestDb();
});

afterAll(async () => {
  await t?.drop();
});

const signIn = (email: string, password: string) =>
  signInWithPassword({ db: t.db, email, password, ip: '192.0.2.44', userAgent: null });

describe('one-time passwords', () => {
  it('work within 72 hours and are refused once expired', async () => {
    const fresh = await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR('test'),
      email: 'vers@meldpunt.test',
      role: 'MEDEWERKER',
    });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: fresh.id } });
    const hours = (row.oneTimePasswordExpiresAt!.getTime() - row.createdAt.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(72);
    expect((await signIn(fresh.email, fresh.password)).ok).toBe(true);

    const old = await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR('test'),
      email: 'oud@meldpunt.test',
      role: 'MEDEWERKER',
    });
    await t.db.user.update({
      where: { id: old.id },
      data: { oneTimePasswordExpiresAt: new Date(Date.now() - 1000) },
    });
    expect(await signIn(old.email, old.password)).toEqual({ ok: false, reason: 'invalid' });
    const denied = await t.db.auditEvent.findFirst({
      where: { action: 'auth.login', objectId: old.id, outcome: 'DENIED' },
    });
    expect(denied?.details).toMatchObject({ reason: 'one_time_expired' });
    expect(await t.db.session.count({ where: { userId: old.id } })).toBe(0);
  });
});
