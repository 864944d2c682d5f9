import 'server-only';
import type { TTx } from '../db/client';

/**
 * Notes, inside the change's own transaction, that the landelijke adressenlijst must hear of it
 * (protocol Bijlage B); the beheer page then offers the prepared notice.
 */
export async function recordAdreslijstWijziging(tx: TTx, wat: string): Promise<void> {
  await tx.adreslijstWijziging.create({ data: { wat } });
}
