/**
 * Attack: with the app's own database credentials (a leaked DATABASE_URL, or a future SQL
 * injection), rewrite the audit log. Before, the app connected as the owner (the embedded
 * database's superuser): `ALTER TABLE "AuditEvent" DISABLE TRIGGER` switched the append-only
 * trigger off and `COPY … PROGRAM` ran shell commands. Now the app runs as the runtime role that
 * `npm start` creates (lib/db/runtime-role.ts): it writes and reads audit events, and every
 * attempt to change, remove or unprotect them is refused by PostgreSQL's privileges.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { audit } from '../../lib/audit/audit';
import { createDb, type TDb } from '../../lib/db/client';
import { ensureRuntimeRole, runtimePassword, runtimeRoleName } from '../../lib/db/runtime-role';
import { refreshStatistieken } from '../../lib/stats/refresh-statistieken';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
let runtimeUrl: string;
let app: TDb;
let runtime: pg.Client;

beforeAll(async () => {
  t = await createTestDb();
  runtimeUrl = await ensureRuntimeRole({ ownerUrl: t.url, password: runtimePassword('eigenaar-wachtwoord') });
  app = createDb(runtimeUrl, 2);
  runtime = new pg.Client({ connectionString: runtimeUrl });
  await runtime.connect();
});

afterAll(async () => {
  await runtime?.end();
  await app?.$disconnect();
  await t?.drop();
  const admin = new pg.Client({ connectionString: `${inject('pgServerUrl')}/postgres` });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS "${runtimeRoleName(t.url)}"`);
  await admin.end();
});

/** The SQLSTATE PostgreSQL answers `sql` with as the runtime role (null: it was allowed). */
async function refusal(sql: string): Promise<string | null> {
  try {
    await runtime.query(sql);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown';
  }
}

describe('the audit log as the runtime role', () => {
  it('the app writes and reads audit events and refreshes statistics as the runtime role', async () => {
    await audit(app, {
      actor: { id: null, label: 'systeem' },
      action: 'test.runtime',
      objectType: 'system',
      objectId: null,
    });
    expect(await app.auditEvent.count({ where: { action: 'test.runtime' } })).toBe(1);
    await refreshStatistieken({ db: app });
  });

  it('refuses UPDATE, DELETE, TRUNCATE, ALTER, DISABLE/DROP TRIGGER and COPY … PROGRAM', async () => {
    const insufficientPrivilege = '42501';
    expect(await refusal(`UPDATE "AuditEvent" SET action = 'vervalst'`)).toBe(insufficientPrivilege);
    expect(await refusal(`DELETE FROM "AuditEvent"`)).toBe(insufficientPrivilege);
    expect(await refusal(`TRUNCATE "AuditEvent"`)).toBe(insufficientPrivilege);
    expect(await refusal(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).toBe(insufficientPrivilege);
    expect(await refusal(`ALTER TABLE "AuditEvent" ADD COLUMN vervalst text`)).toBe(insufficientPrivilege);
    const triggers = await runtime.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal`,
    );
    expect(triggers.rows.length).toBeGreaterThan(0);
    for (const { tgname } of triggers.rows as { tgname: string }[])
      expect(await refusal(`DROP TRIGGER "${tgname}" ON "AuditEvent"`)).toBe(insufficientPrivilege);
    expect(await refusal(`DROP TABLE "AuditEvent"`)).toBe(insufficientPrivilege);
    expect(await refusal(`COPY (SELECT 1) TO PROGRAM 'true'`)).toBe(insufficientPrivilege);
    expect(await refusal(`CREATE TABLE buit (x text)`)).toBe(insufficientPrivilege);
    expect(await app.auditEvent.count({ where: { action: 'test.runtime' } })).toBe(1);
  });

  it('as the owner (how the app connected before) the same credentials could switch the trigger off', async () => {
    const owner = new pg.Client({ connectionString: t.url });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      const changed = await owner.query(`UPDATE "AuditEvent" SET action = 'vervalst'`);
      expect(changed.rowCount).toBeGreaterThan(0);
    } finally {
      await owner.query('ROLLBACK');
      await owner.end();
    }
  });
});
