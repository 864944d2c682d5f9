/**
 * A fresh, migrated database for one test file: a clone of the run's template database on the
 * run's real PostgreSQL (see global-setup.ts), dropped again afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type TDb } from '../../lib/db/client';

export type TTestDb = { url: string; db: TDb; drop: () => Promise<void> };

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${inject('pgServerUrl')}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDb(): Promise<TTestDb> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE meldpost_template`));
  const url = `${inject('pgServerUrl')}/${name}`;
  const db = createDb(url, 5);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** An empty database (no migrations), for testing the migrations themselves. */
export async function createEmptyDb(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `e_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: `${inject('pgServerUrl')}/${name}`,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
