/**
 * User administration on a real database: invite with a one-time password, roles, second factor
 * reset and deactivation ending every session at once, the last beheerder protected, and the
 * access review with its audited CSV export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditActor } from '../../lib/audit/audit';
import { verifyPassword } from '../../lib/auth/password';
import { exportAccessReview } from '../../lib/users/export-access-review';
import { inviteUser } from '../../lib/users/invite-user';
import { listUsers } from '../../lib/users/list-users';
import { resetUserMfa } from '../../lib/users/reset-user-mfa';
import { setUserActive } from '../../lib/users/set-user-active';
import { setUserRole } from '../../lib/users/set-user-role';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
let beheerder: TAuditActor;

beforeAll(async () => {
  t = await createTestDb();
  const b = await t.db.user.create({
    data: { email: 'beheerder@meldpunt.example', role: 'BEHEERDER', name: 'Bea Beheer' },
  });
  beheerder = { id: b.id, label: b.email };
});
afterAll(async () => {
  await t?.drop();
});

const openSession = (userId: string) =>
  t.db.session.create({
    data: { userId, expiresAt: new Date(Date.now() + 3600_000), mfaVerifiedAt: new Date() },
  });
const liveSessions = (userId: string) => t.db.session.count({ where: { userId, revokedAt: null } });

describe('users', () => {
  it('invites a user with a one-time password that is only stored hashed', async () => {
    const u = await inviteUser({
      db: t.db,
      actor: beheerder,
      email: 'Nieuw@Meldpunt.example',
      role: 'MEDEWERKER',
      name: 'Nina Nieuw',
    });
    expect(u.password).toMatch(/^\S{20}$/);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row).toMatchObject({ email: 'nieuw@meldpunt.example', mustChangePassword: true, active: true });
    expect(row.passwordHash).not.toContain(u.password);
    expect(await verifyPassword(row.passwordHash!, u.password)).toBe(true);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: 'user.create', objectId: u.id },
    });
    expect(event.actorId).toBe(beheerder.id);
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain(u.password);
    await expect(
      inviteUser({ db: t.db, actor: beheerder, email: 'nieuw@meldpunt.example', role: 'COORDINATOR' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      inviteUser({
        db: t.db,
        actor: { id: u.id, label: u.email },
        email: 'x@meldpunt.example',
        role: 'BEHEERDER',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('changes a role and ends the sessions that carried the old one', async () => {
    const u = await t.db.user.create({ data: { email: 'rol@meldpunt.example', role: 'MEDEWERKER' } });
    await openSession(u.id);
    await setUserRole({ db: t.db, actor: beheerder, userId: u.id, role: 'COORDINATOR' });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe('COORDINATOR');
    expect(await liveSessions(u.id)).toBe(0);
    const e = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'user.role', objectId: u.id } });
    expect(e.details).toEqual({ van: 'MEDEWERKER', naar: 'COORDINATOR' });
  });

  it('resets the second factor: secret, enrolment and recovery codes gone, sessions ended', async () => {
    const u = await t.db.user.create({
      data: {
        email: 'mfa@meldpunt.example',
        role: 'MEDEWERKER',
        mfaSecretEnc: 'v1:x:y:z:w',
        mfaEnrolledAt: new Date(),
        recoveryCodeHashes: ['h1', 'h2'],
      },
    });
    await openSession(u.id);
    await openSession(u.id);
    await resetUserMfa({ db: t.db, actor: beheerder, userId: u.id });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      mfaSecretEnc: null,
      mfaEnrolledAt: null,
      recoveryCodeHashes: [],
    });
    expect(await liveSessions(u.id)).toBe(0);
    expect(
      (await t.db.auditEvent.findFirstOrThrow({ where: { action: 'user.mfa_reset', objectId: u.id } }))
        .details,
    ).toEqual({ sessiesBeeindigd: 2 });
  });

  it('deactivates a user, revoking every open session in the same step, and can reactivate', async () => {
    const u = await t.db.user.create({
      data: { email: 'weg@meldpunt.example', role: 'MEDEWERKER', failedLogins: 3 },
    });
    await openSession(u.id);
    await setUserActive({ db: t.db, actor: beheerder, userId: u.id, active: false });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).active).toBe(false);
    expect(await liveSessions(u.id)).toBe(0);
    await setUserActive({ db: t.db, actor: beheerder, userId: u.id, active: true });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({
      active: true,
      failedLogins: 0,
    });
    expect(
      await t.db.auditEvent.count({
        where: { objectId: u.id, action: { in: ['user.deactivate', 'user.activate'] } },
      }),
    ).toBe(2);
  });

  it('never leaves meldpost without an active beheerder', async () => {
    await expect(
      setUserActive({ db: t.db, actor: beheerder, userId: beheerder.id!, active: false }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      setUserRole({ db: t.db, actor: beheerder, userId: beheerder.id!, role: 'MEDEWERKER' }),
    ).rejects.toThrow(/minstens één actieve beheerder/);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: beheerder.id! } })).toMatchObject({
      active: true,
      role: 'BEHEERDER',
    });
  });

  it('lists every user with role, status and last activity, and exports the review as audited CSV', async () => {
    const seen = new Date('2026-11-20T10:00:00Z');
    const u = await t.db.user.create({
      data: {
        email: '=cmd|calc@meldpunt.example',
        role: 'COORDINATOR',
        active: false,
        lastLoginAt: new Date('2026-11-19T09:00:00Z'),
      },
    });
    await t.db.session.create({
      data: { userId: u.id, expiresAt: new Date(Date.now() - 1000), lastSeenAt: seen },
    });
    const users = await listUsers({ db: t.db, actor: beheerder });
    expect(users.length).toBe(await t.db.user.count());
    expect(users.find((x) => x.id === u.id)).toMatchObject({
      active: false,
      lastActivityAt: seen,
      openSessions: 0,
      role: 'COORDINATOR',
    });

    const csv = await exportAccessReview({ db: t.db, actor: beheerder });
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"E-mailadres";"Naam";"Rol";"Status";"Tweede factor";"Laatst ingelogd";"Laatste activiteit";"Aangemaakt"',
    );
    expect(lines).toHaveLength(users.length + 1);
    // A value a spreadsheet would run as a formula is neutralised.
    expect(csv).toContain(
      `"'=cmd|calc@meldpunt.example";"";"Coördinator";"gedeactiveerd";"niet ingesteld";"2026-11-19T09:00:00.000Z";"${seen.toISOString()}"`,
    );
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'toegang.export' } });
    expect(event).toMatchObject({ actorId: beheerder.id, details: { gebruikers: users.length } });
    await expect(exportAccessReview({ db: t.db, actor: { id: u.id, label: u.email } })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
  });
});
