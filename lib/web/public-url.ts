import 'server-only';
import { getEnv } from '../env';

/**
 * An absolute URL on the configured public address (NEXTAUTH_URL; `npm start` sets it to its own
 * address when unset). Never built from the request: Next derives `request.url` from the Host
 * header, which the client chooses, so a redirect made from it could send a user to any host.
 */
export function publicUrl(path: string): URL {
  const env = getEnv();
  return new URL(path, env.NEXTAUTH_URL ?? `http://${env.HOST}:${env.PORT}`);
}
