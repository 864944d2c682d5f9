/**
 * The role the web server and worker connect as: it reads and writes the application's tables
 * and nothing more. The owner (who runs the migrations, and for the embedded database is its
 * superuser) owns every table, trigger and function; the runtime role can therefore not disable
 * or drop the audit log's append-only trigger, not ALTER or DROP anything, not run `COPY …
 * PROGRAM`, and on "AuditEvent" it has INSERT and SELECT only. Re-applied after every migration
 * run, so new tables get their grants. For an external database README "Database-rollen" gives
 * the same statements.
 */
import { createHmac } from 'node:crypto';
import pg from 'pg';

/** Tables where the app may add and read rows, never change or remove them. */
const APPEND_ONLY = ['AuditEvent'];

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The runtime role's name for a database: `<database>_app` (roles are cluster-wide). */
export function runtimeRoleName(databaseUrl: string): string {
  return `${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}_app`;
}

/** A password derived from the owner's, so the embedded setup keeps no second secret. */
export function runtimePassword(ownerPassword: string): string {
  return createHmac('sha256', ownerPassword).update('meldpost-runtime-role').digest('base64url');
}

/** The grants, as SQL, for `role` on the current database (idempotent). */
export function runtimeGrants(role: string, database: string): string[] {
  const r = quoteIdent(role);
  const append = APPEND_ONLY.map(quoteIdent).join(', ');
  return [
    `REVOKE ALL ON DATABASE ${quoteIdent(database)} FROM PUBLIC`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(database)} TO ${r}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${append} FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `GRANT EXECUTE ON FUNCTION meldpost_refresh_stats_view(text, boolean) TO ${r}`,
  ];
}

/**
 * Creates (or updates the password of) the runtime role and grants it what the app needs, as
 * the owner at `ownerUrl`. Returns the URL to run the app with.
 */
export async function ensureRuntimeRole(opts: { ownerUrl: string; password: string }): Promise<string> {
  const role = runtimeRoleName(opts.ownerUrl);
  const database = decodeURIComponent(new URL(opts.ownerUrl).pathname.slice(1));
  const client = new pg.Client({ connectionString: opts.ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Two instances starting side by side must not both create the role.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('meldpost-runtime-role'))`);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const password = (await client.query('SELECT quote_literal($1) AS literal', [opts.password])).rows[0]
      .literal as string;
    const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
    await client.query(
      exists.rowCount
        ? `ALTER ROLE ${quoteIdent(role)} ${attributes} PASSWORD ${password}`
        : `CREATE ROLE ${quoteIdent(role)} ${attributes} PASSWORD ${password}`,
    );
    for (const statement of runtimeGrants(role, database)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  const url = new URL(opts.ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(opts.password);
  return url.toString();
}
