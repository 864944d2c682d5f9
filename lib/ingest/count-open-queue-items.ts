import 'server-only';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { OPEN_IN_WORK_QUEUE } from './work-queue-scope';

/** How many work-queue items wait for a person; 0 for roles that do not see the queue. */
export async function countOpenQueueItems(opts: { db: TDb; role: Role }): Promise<number> {
  if (opts.role !== 'MEDEWERKER' && opts.role !== 'BEHEERDER') return 0;
  return opts.db.inboundMessage.count({ where: OPEN_IN_WORK_QUEUE });
}
