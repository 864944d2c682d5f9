import 'server-only';
import type { TDb } from '../db/client';
import { readBytes } from '../bytes/read-bytes';

/** A ledger message's raw mail from the byte store; null when there is no such message or it was removed. */
export async function readInboundRaw(opts: { db: TDb; id: string }): Promise<Buffer | null> {
  const row = await opts.db.inboundMessage.findUnique({ where: { id: opts.id }, select: { rawHash: true } });
  return row?.rawHash ? readBytes({ db: opts.db, sha256: row.rawHash }) : null;
}
