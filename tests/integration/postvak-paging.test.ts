/**
 * The work queue in pages of 200 against a real database: 205 waiting items give a full first
 * page and a second page with the 5 oldest, each item on exactly one page, newest first.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWorkQueue, WORK_QUEUE_PAGE_SIZE } from '../../lib/ingest/list-work-queue';
import { createTestDb, type TTestDb } from '../support/db';
import { seedMailbox } from '../support/melding-seed';

let t: TTestDb;
const COUNT = WORK_QUEUE_PAGE_SIZE + 5;
const start = new Date('2026-11-02T08:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  const mailbox = await seedMailbox(t.db);
  await t.db.inboundMessage.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      mailboxId: mailbox.id,
      uidValidity: 1n,
      uid: BigInt(i + 1),
      messageId: `<${randomUUID()}@elders.example>`,
      sha256: randomUUID(),
      size: 100,
      subject: `Overige mail ${i}`,
      fromAddress: 'iemand@elders.example',
      receivedAt: new Date(start.getTime() + i * 60_000),
      kind: 'OVERIG' as const,
      state: 'PROCESSED' as const,
      outcome: 'OTHER' as const,
    })),
  });
});
afterAll(() => t.drop());

describe('work queue paging', () => {
  it('shows at most 200 items per page and the rest on the next page', async () => {
    const first = await listWorkQueue({ db: t.db, role: 'MEDEWERKER', show: 'open' });
    expect(first.total).toBe(COUNT);
    expect(first.items).toHaveLength(WORK_QUEUE_PAGE_SIZE);
    expect(first.items[0]!.subject).toBe(`Overige mail ${COUNT - 1}`);
    const second = await listWorkQueue({ db: t.db, role: 'MEDEWERKER', show: 'open', pagina: 2 });
    expect(second.items.map((item) => item.subject)).toEqual([4, 3, 2, 1, 0].map((i) => `Overige mail ${i}`));
    const ids = new Set([...first.items, ...second.items].map((item) => item.id));
    expect(ids.size).toBe(COUNT);
    const beyond = await listWorkQueue({ db: t.db, role: 'BEHEERDER', show: 'alle', pagina: 3 });
    expect(beyond).toEqual({ items: [], total: COUNT });
  });

  it('lists nothing for a coordinator', async () => {
    expect(await listWorkQueue({ db: t.db, role: 'COORDINATOR', show: 'alle' })).toEqual({
      items: [],
      total: 0,
    });
  });
});
