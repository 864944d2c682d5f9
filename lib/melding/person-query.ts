import 'server-only';
import { z } from 'zod';
import { samePersonConditions } from '../same-person';
import type { Prisma } from '../db/generated/client';

/** How a beheerder identifies a person: BSN, or achternaam + geboortedatum. */
export const ZPersonQuery = z.union([
  z.object({
    bsn: z
      .string()
      .trim()
      .regex(/^\d{9}$/, 'een BSN heeft 9 cijfers'),
  }),
  z.object({
    achternaam: z.string().trim().min(1, 'vul de achternaam in').max(200),
    geboortedatum: z.iso.date('vul de geboortedatum in als JJJJ-MM-DD'),
  }),
]);
export type TPersonQuery = z.infer<typeof ZPersonQuery>;

/** The meldingen about the person searched for (one identity: the BSN, or the name and birth date). */
export function personWhere(q: TPersonQuery): Prisma.MeldingWhereInput {
  return { OR: samePersonConditions(q) };
}
