import 'server-only';
import type { TDb } from '../db/client';
import { readBytes } from '../bytes/read-bytes';

/** A ledger message's raw mail from the byte store; null when there is no such message or it was removed. */
export async function readInboundRaw(o: { db: TDb; id: string }): Promise<Buffer | null> {
  const row = await o.db.inboundMessage.findUnique({ where: { id: o.id }, select: { rawHash: true } });
  return row?.rawHash ? readBytes({ db: o.db, sha256: row.rawHash }) : null;
}
