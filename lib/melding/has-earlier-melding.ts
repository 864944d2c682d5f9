import 'server-only';
import type { Prisma } from '../db/generated/client';
import { samePersonConditions } from '../same-person';

const TWELVE_MONTHS_MS = 365 * 24 * 60 * 60 * 1000;

type THasEarlierMelding = {
  kenmerk: string;
  bsn: string | null;
  achternaam: string | null;
  geboortedatum: Date | null;
  before: Date;
};

/**
 * Whether another melding about the same person (same BSN, or same surname and birth date)
 * arrived in the twelve months before `before` — a repeat melding, a statistic the protocol's
 * evaluation asks for. Another version of the same kenmerk is not a repeat.
 */
export async function hasEarlierMelding(
  tx: Prisma.TransactionClient,
  opts: THasEarlierMelding,
): Promise<boolean> {
  const samePerson = samePersonConditions(opts);
  if (!samePerson.length) return false;
  const earlier = await tx.melding.findFirst({
    where: {
      OR: samePerson,
      kenmerk: { not: opts.kenmerk },
      receivedAt: { gte: new Date(opts.before.getTime() - TWELVE_MONTHS_MS), lte: opts.before },
    },
    select: { id: true },
  });
  return earlier !== null;
}
