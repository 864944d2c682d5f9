/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { connectForCommand } from '../lib/db/local-instance';
import { applyMigrations } from '../lib/db/migrate';

const conn = await connectForCommand();
try {
  const applied = await applyMigrations(conn.url);
  process.stdout.write(
    applied.length ? `Toegepast: ${applied.join(', ')}\n` : 'Geen openstaande migraties.\n',
  );
} finally {
  await conn.close();
}
