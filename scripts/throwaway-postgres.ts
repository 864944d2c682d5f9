/**
 * For scripts that need a database of their own (bench:web, screenshots): fake keys in the
 * environment, a real PostgreSQL (embedded) in a temporary directory with the migrations applied,
 * and DATABASE_URL pointing at it. `stop()` removes it all again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded';
import { applyMigrations } from '../lib/db/migrate';

export async function startThrowawayPostgres(
  name: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  process.env.MELDPOST_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
  process.env.MELDPOST_PSEUDONYM_KEY ??= randomBytes(32).toString('base64');
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');
  const base = mkdtempSync(path.join(tmpdir(), `meldpost-${name}-`));
  const pg = await startEmbeddedPostgres({ dir: path.join(base, 'pg'), password: name });
  const stop = async () => {
    await pg.stop();
    rmSync(base, { recursive: true, force: true });
  };
  try {
    await applyMigrations(pg.url);
  } catch (err) {
    await stop();
    throw err;
  }
  process.env.DATABASE_URL = pg.url;
  return { url: pg.url, stop };
}
