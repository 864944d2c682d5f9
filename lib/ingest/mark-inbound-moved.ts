import 'server-only';
import type { TDb } from '../db/client';

/** Records that these ledger rows' messages now live in `folder` (after a successful MOVE). */
export async function markInboundMoved(db: TDb, ids: string[], folder: string): Promise<void> {
  if (ids.length)
    await db.inboundMessage.updateMany({ where: { id: { in: ids } }, data: { movedTo: folder } });
}
