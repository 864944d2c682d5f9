/**
 * Which byte values pass through Prisma and which are staged past it (lib/db/large-bytes.ts),
 * against the real database.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_BYTES, PRISMA_BYTES_BUDGET, withStagedBytes } from '../../lib/db/large-bytes';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

describe('staging byte values past Prisma', () => {
  it('stages every large value, and small ones once their total would pass the budget; drops what the work did not move', async () => {
    const small = 700 * 1024;
    const items: [string, Uint8Array][] = [
      ['groot', randomBytes(LARGE_BYTES)],
      ...Array.from({ length: 8 }, (_, i): [string, Uint8Array] => [`klein-${i}`, randomBytes(small)]),
    ];
    const seen = await withStagedBytes(t.db, items, async (staged) => {
      const rows = await t.db.stagedBytes.findMany({
        where: { id: { in: [...staged.values()] } },
        select: { id: true, bytes: true },
      });
      return {
        keys: [...staged.keys()],
        bytesIntact: [...staged].every(([key, id]) =>
          Buffer.from(rows.find((r) => r.id === id)!.bytes).equals(items.find(([k]) => k === key)![1]),
        ),
      };
    });
    const throughPrisma = Math.floor(PRISMA_BYTES_BUDGET / small);
    expect(seen.keys).toEqual([
      'groot',
      ...Array.from({ length: 8 - throughPrisma }, (_, i) => `klein-${throughPrisma + i}`),
    ]);
    expect(seen.bytesIntact).toBe(true);
    expect(await t.db.stagedBytes.count()).toBe(0);
  });
});
