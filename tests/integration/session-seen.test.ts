/**
 * A session's lastSeenAt is written at most once per write interval (a minute; a tenth of a
 * short idle timeout), and the idle check still ends a session whose last recorded use is older
 * than the idle timeout: the throttle can only end a session sooner, never keep it alive longer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markSessionSeen, seenWriteIntervalMs } from '../../lib/auth/mark-session-seen';
import { liveSessionWhere } from '../../lib/auth/session-stage';
import { createTestDb, type TTestDb } from '../support/db';

let t: TTestDb;
let userId: string;
const t0 = new Date('2026-12-08T09:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const IDLE_MS = 30 * 60_000;

beforeAll(async () => {
  t = await createTestDb();
  const user = await t.db.user.create({
    data: { email: 'gezien@meldpunt.test', name: 'Gezien', role: 'MEDEWERKER', mustChangePassword: false },
  });
  userId = user.id;
});
afterAll(async () => {
  await t?.drop();
});

const openSession = () =>
  t.db.session.create({ data: { userId, lastSeenAt: t0, expiresAt: at(12 * 3600), mfaVerifiedAt: t0 } });
const lastSeen = async (id: string) =>
  (await t.db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.toISOString();

describe('marking a session as seen', () => {
  it('writes once a minute at most, however many requests come in between', async () => {
    const session = await openSession();
    for (const s of [1, 20, 59.9]) await markSessionSeen({ db: t.db, session, idleMs: IDLE_MS, now: at(s) });
    expect(await lastSeen(session.id)).toBe(t0.toISOString());
    await markSessionSeen({ db: t.db, session, idleMs: IDLE_MS, now: at(60) });
    expect(await lastSeen(session.id)).toBe(at(60).toISOString());
  });

  it('writes more often for a short idle timeout (a tenth of it)', () => {
    expect(seenWriteIntervalMs(IDLE_MS)).toBe(60_000);
    expect(seenWriteIntervalMs(6_000)).toBe(600);
  });

  it('still ends a session idle for longer than the timeout since its last recorded use', async () => {
    const session = await openSession();
    await markSessionSeen({ db: t.db, session, idleMs: IDLE_MS, now: at(30) });
    const live = (now: Date) =>
      t.db.session.count({ where: { id: session.id, ...liveSessionWhere(now, IDLE_MS) } });
    expect(await live(at(30 * 60 - 1))).toBe(1);
    expect(await live(at(30 * 60 + 1))).toBe(0);
  });
});
