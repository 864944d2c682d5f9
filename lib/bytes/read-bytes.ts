import 'server-only';
import type { TDb } from '../db/client';
import { bytePool } from './byte-pool';

/**
 * A stored value whole, for work that needs all of it at once (parsing a mail, sending a file);
 * null when the store no longer holds it. Prefer streamBytes for anything sent onwards.
 */
export async function readBytes(opts: { db: TDb; sha256: string }): Promise<Buffer | null> {
  const result = await bytePool(opts.db).query<{ size: string; data: Buffer | null }>(
    `SELECT v."size", c."data" FROM "ByteValue" v
     LEFT JOIN "ByteChunk" c ON c."sha256" = v."sha256"
     WHERE v."sha256" = $1 ORDER BY c."seq"`,
    [opts.sha256],
  );
  if (!result.rows.length) return null;
  const chunks = result.rows.flatMap((r) => (r.data ? [r.data] : []));
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  if (bytes.length !== Number(result.rows[0]!.size)) throw new Error('byte store: value incomplete');
  return bytes;
}
