import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../lib/audit/audit';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe('AuditEvent is append-only', () => {
  it('accepts inserts and rejects UPDATE, DELETE and TRUNCATE', async () => {
    await audit(t.db, {
      actor: { id: null, label: 'test' },
      action: 'melding.view',
      objectType: 'melding',
      objectId: 'x',
    });
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: 'melding.view' } });

    await expect(
      t.db.auditEvent.update({ where: { id: row.id }, data: { action: 'vervalst' } }),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe('UPDATE "AuditEvent" SET "actorLabel" = $1', 'x')).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.$executeRawUnsafe('DELETE FROM "AuditEvent"')).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);

    expect(await t.db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});
