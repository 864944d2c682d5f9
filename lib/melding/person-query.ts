import 'server-only';
import { z } from 'zod';
import { personKey } from '../audit/audit';
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

export function personWhere(q: TPersonQuery): Prisma.MeldingWhereInput {
  return 'bsn' in q
    ? { bsn: q.bsn }
    : {
        achternaam: { equals: q.achternaam, mode: 'insensitive' },
        geboortedatum: new Date(`${q.geboortedatum}T00:00:00Z`),
      };
}

export function queryPersonKey(q: TPersonQuery): string | null {
  return 'bsn' in q
    ? personKey({ bsn: q.bsn })
    : personKey({ achternaam: q.achternaam, geboortedatum: q.geboortedatum });
}
