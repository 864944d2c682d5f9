import 'server-only';
import type { TDb, TTx } from '../db/client';

/** PostgreSQL channel on which every change staff should see without a reload is announced. */
export const CHANGES_CHANNEL = 'meldpost_changes';

/**
 * Announces a change inside the caller's transaction: NOTIFY is delivered on commit only, so a
 * page that refreshes on it always finds the change committed. Naming the melding lets its open
 * page refresh (and audit a view) only when that melding changed.
 */
export async function announceChange(db: TDb | TTx, meldingId?: string | null): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${meldingId ?? ''})`;
}
