import 'server-only';
import type { TTx } from '../db/client';
import { AppError } from '../errors';

/** Refuses a change that would leave no active beheerder: nobody could administer meldpost then. */
export async function keepOneBeheerder(tx: TTx, losingUserId: string): Promise<void> {
  const others = await tx.user.count({
    where: { role: 'BEHEERDER', active: true, id: { not: losingUserId } },
  });
  if (!others) throw new AppError('conflict', 'Er moet minstens één actieve beheerder overblijven');
}
