/**
 * `meldpost migrate`: pending migrations, then the first beheerder when there is no user yet
 * (its one-time password printed once). Run before web and worker start (a Kubernetes Job, an
 * init step); running it again does nothing. `npm start` does the same itself.
 */
import { createDb } from '../lib/db/client';
import { connectForCommand } from '../lib/db/local-instance';
import { applyMigrations } from '../lib/db/migrate';
import { bootstrapAdmin } from '../lib/users/bootstrap-admin';

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
          `Eerste beheerder aangemaakt (wachtwoord wordt maar één keer getoond): ${admin.email} ${admin.password}\n`,
        );
    } finally {
      await db.$disconnect();
    }
  } finally {
    await conn.close();
  }
}
