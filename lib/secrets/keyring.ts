import { keyringFrom, type TKeyring } from './crypto';
import { getEnv } from '../env';

/** The encryption keys from the environment: the current one and any still being rotated out. */
export function getKeyring(): TKeyring {
  const env = getEnv();
  return keyringFrom(env.MELDPOST_ENCRYPTION_KEY, env.MELDPOST_OLD_ENCRYPTION_KEYS);
}
