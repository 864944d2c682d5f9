import { SYSTEM_ACTOR } from '../lib/audit/audit';
import { parseRole } from '../lib/auth/roles';
import type { TDb } from '../lib/db/client';
import { createUser } from '../lib/users/create-user';
import { CliUsageError } from './usage';

/** `user add <email> --role medewerker|coordinator|beheerder [--name "…"]` → JSON with the one-time password. */
export async function userCommand(db: TDb, args: string[]): Promise<number> {
  const [sub, email, ...rest] = args;
  if (sub !== 'add' || !email)
    throw new CliUsageError('user add <email> --role medewerker|coordinator|beheerder [--name "Naam"]');
  const flag = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const role = parseRole(flag('role') ?? '');
  if (!role)
    throw new CliUsageError('user add <email> --role medewerker|coordinator|beheerder (onbekende rol)');
  const user = await createUser({ db, actor: SYSTEM_ACTOR('cli'), email, role, name: flag('name') });
  process.stdout.write(
    `${JSON.stringify({ id: user.id, email: user.email, role: user.role.toLowerCase(), password: user.password })}\n`,
  );
  return 0;
}
