import 'server-only';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { OPEN_IN_WORK_QUEUE } from './work-queue-scope';

/** How many work-queue items wait for a person; 0 for roles that do not see the queue. */
export async function countOpenQueueItems(o: { db: TDb; role: Role }): Promise<number> {
  if (o.role !== 'MEDEWERKER' && o.role !== 'BEHEERDER') return 0;
  return o.db.inboundMessage.count({ where: OPEN_IN_WORK_QUEUE });
}
