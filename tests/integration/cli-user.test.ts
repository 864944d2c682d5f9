import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/auth/password';
import { createTestDb, type TTestDb } from '../support/db';
import { runCli } from '../support/cli';

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

const cli = (...args: string[]) => runCli(t.url, args);

describe('cli user add', () => {
  it('creates the user with a generated password that verifies, audited, printed as JSON only', async () => {
    const res = cli('user', 'add', 'J.Jansen@Meldpunt.Example', '--role', 'coordinator');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as { id: string; email: string; role: string; password: string };
    expect(out).toMatchObject({ email: 'j.jansen@meldpunt.example', role: 'coordinator' });
    expect(out.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: out.id } });
    expect(user.role).toBe('COORDINATOR');
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, out.password)).toBe(true);
    expect(await verifyPassword(user.passwordHash!, 'fout')).toBe(false);
    expect(await t.db.auditEvent.count({ where: { action: 'user.create', objectId: out.id } })).toBe(1);
  });

  it('refuses a duplicate, a bad role and a bad e-mail with a clear message', () => {
    const dup = cli('user', 'add', 'j.jansen@meldpunt.example', '--role', 'medewerker');
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('Er bestaat al een gebruiker');
    const role = cli('user', 'add', 'x@meldpunt.example', '--role', 'baas');
    expect(role.status).toBe(2);
    expect(role.stderr).toContain('onbekende rol');
    const mail = cli('user', 'add', 'geen-adres', '--role', 'medewerker');
    expect(mail.status).toBe(1);
    expect(mail.stderr).toMatch(/email/i);
    expect(mail.stdout).toBe('');
  });
});
