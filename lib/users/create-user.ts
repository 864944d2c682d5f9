import 'server-only';
import { z } from 'zod';
import { audit, type TAuditActor } from '../audit/audit';
import { generatePassword, hashPassword } from '../auth/password';
import type { TDb } from '../db/client';
import type { Role } from '../db/generated/enums';
import { getEnv } from '../env';
import { AppError } from '../errors';

export const ZCreateUser = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  role: z.enum(['MEDEWERKER', 'COORDINATOR', 'BEHEERDER']),
  name: z.string().trim().min(1).optional(),
});

/**
 * Creates an account with a generated one-time password, returned once and never stored, and
 * usable for ONE_TIME_PASSWORD_HOURS: one that lingers in a mailbox or a note stops working.
 */
export async function createUser(opts: {
  db: TDb;
  actor: TAuditActor;
  email: string;
  role: Role;
  name?: string;
}) {
  const input = ZCreateUser.parse({ email: opts.email, role: opts.role, name: opts.name });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return opts.db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError('conflict', `Er bestaat al een gebruiker met e-mailadres ${input.email}`);
    }
    const user = await tx.user.create({
      data: {
        email: input.email,
        role: input.role,
        name: input.name ?? null,
        passwordHash,
        mustChangePassword: true,
        oneTimePasswordExpiresAt: new Date(Date.now() + getEnv().ONE_TIME_PASSWORD_HOURS * 3_600_000),
      },
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'user.create',
      objectType: 'user',
      objectId: user.id,
      details: { role: user.role },
    });
    return { id: user.id, email: user.email, role: user.role, password };
  });
}
