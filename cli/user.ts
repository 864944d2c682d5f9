import { SYSTEM_ACTOR } from '../lib/audit/audit';
import { parseRole } from '../lib/auth/roles';
import type { TDb } from '../lib/db/client';
import { createUser } from '../lib/users/create-user';
import { CliUsageError, parseCommandArgs } from './usage';

export const USER_USAGE = 'user add <email> --role medewerker|coordinator|beheerder [--name "Naam"]';

/** `user add <email> --role medewerker|coordinator|beheerder [--name "…"]` → JSON with the one-time password. */
export async function userCommand(db: TDb, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { role: { type: 'string' }, name: { type: 'string' } },
    USER_USAGE,
    { min: 2, max: 2 },
  );
  const [sub, email] = positionals;
  if (sub !== 'add' || !email) throw new CliUsageError(USER_USAGE);
  const role = parseRole(values.role ?? '');
  if (!role)
    throw new CliUsageError(USER_USAGE, `Dit is een onbekende rol: ${values.role ?? '(geen --role)'}`);
  const user = await createUser({ db, actor: SYSTEM_ACTOR('cli'), email, role, name: values.name });
  process.stdout.write(
    `${JSON.stringify({ id: user.id, email: user.email, role: user.role.toLowerCase(), password: user.password })}\n`,
  );
  return 0;
}
