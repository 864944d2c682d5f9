import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The first beheerder's one-time password goes to a file only its owner can read, never to the
 * terminal: `npm start` output ends up in journald or container logs, readable far more widely
 * and kept far longer. Returns the file's path, which is all that is printed.
 */
export function saveFirstPassword(dataDir: string, admin: { email: string; password: string }): string {
  const file = path.join(dataDir, 'eerste-beheerder.txt');
  writeFileSync(file, `e-mail: ${admin.email}\nwachtwoord: ${admin.password}\n`, { mode: 0o600 });
  // `mode` applies only to a new file; an old one keeps whatever it had.
  chmodSync(file, 0o600);
  return file;
}
