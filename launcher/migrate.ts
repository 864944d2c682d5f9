/**
 * `meldpost migrate`: pending migrations, then the first beheerder when there is no user yet
 * (its one-time password written to a file only the owner can read, never to the output). Run before web and worker start (a Kubernetes Job, an
 * init step); running it again does nothing. `npm start` does the same itself.
 */
import { createDb } from '../lib/db/client';
import { connectForCommand, dataDirFromEnv } from '../lib/db/local-instance';
import { applyMigrations } from '../lib/db/migrate';
import { bootstrapAdmin } from '../lib/users/bootstrap-admin';
import { saveFirstPassword } from '../lib/users/save-first-password';

export async function migrate(): Promise<void> {
  const conn = await connectForCommand();
  try {
    const applied = await applyMigrations(conn.url);
    process.stdout.write(
      applied.length ? `Migraties toegepast: ${applied.join(', ')}\n` : 'Geen openstaande migraties.\n',
    );
    const db = createDb(conn.url, 2);
    try {
      const admin = await bootstrapAdmin({ db });
      if (admin)
        process.stdout.write(
          `Eerste beheerder aangemaakt (${admin.email}); het eenmalige wachtwoord staat in ${saveFirstPassword(dataDirFromEnv(), admin)}\n`,
        );
    } finally {
      await db.$disconnect();
    }
  } finally {
    await conn.close();
  }
}
