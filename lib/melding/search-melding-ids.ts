import 'server-only';
import type { TDb } from '../db/client';
import { Prisma } from '../db/generated/client';

/** A search never lists more than this many hits (the most recent); narrow it down to see older ones. */
export const SEARCH_LIMIT = 2000;

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Ids of the meldingen matching an inbox search — kenmerk (prefix), BSN (exact, nine digits),
 * name or reden text (substring) — most recent first. The matching runs as a materialised step
 * on the trigram indexes, so the planner cannot trade it for a walk along receivedAt that reads
 * most of the table when the hits are few and old.
 */
export async function searchMeldingIds(db: TDb, q: string): Promise<string[]> {
  let match: Prisma.Sql;
  if (/^\d{9}$/.test(q)) {
    match = Prisma.sql`bsn = ${q}`;
  } else {
    const terms = q.split(/\s+/).filter(Boolean).slice(0, 5);
    match = Prisma.join(
      terms.map((t) => {
        const part = `%${like(t)}%`;
        return Prisma.sql`(kenmerk ILIKE ${`${like(t)}%`} OR achternaam ILIKE ${part} OR voornamen ILIKE ${part} OR reden ILIKE ${part})`;
      }),
      ' AND ',
    );
  }
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH hits AS MATERIALIZED (SELECT id, "receivedAt" FROM "Melding" WHERE ${match})
    SELECT id::text FROM hits ORDER BY "receivedAt" DESC LIMIT ${SEARCH_LIMIT}`;
  return rows.map((r) => r.id);
}
