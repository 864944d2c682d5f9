import type { TDb } from '../lib/db/client';
import { getKeyring } from '../lib/secrets/keyring';
import { rotateSecrets } from '../lib/secrets/rotate-secrets';
import { CliUsageError, parseCommandArgs } from './usage';

export const SECRETS_USAGE = `secrets rotate              alle geheimen opnieuw versleutelen met MELDPOST_ENCRYPTION_KEY,
      gebonden aan hun rij en doel (ook geheimen van vóór die binding)
      (oude sleutels in MELDPOST_OLD_ENCRYPTION_KEYS; haal die pas weg als dit klaar is)`;

/** `secrets rotate` → JSON with how many secrets were re-encrypted. */
export async function secretsCommand(db: TDb, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, SECRETS_USAGE, { min: 1, max: 1 });
  if (positionals[0] !== 'rotate') throw new CliUsageError(SECRETS_USAGE);
  const result = await rotateSecrets({ db, ring: getKeyring() });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}
