import 'server-only';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { getEnv } from '../env';
import { errFields, getLogger } from '../log';
import { CHANGES_CHANNEL } from './changes';

const log = getLogger('live');

/**
 * A change counter for live pages, held in memory by the web process: one LISTEN connection
 * counts the committed changes (lib/live/changes.ts), so a browser's poll costs no query. The
 * version carries a boot id, so a restarted server never looks unchanged; while the listener is
 * down the version changes on every call (the page refreshes on each poll rather than going stale).
 */
type TFeed = { boot: string; counter: number; listening: boolean; starting: Promise<void> | null };

const globalForFeed = globalThis as unknown as { meldpostChangeFeed?: TFeed };

function feed(): TFeed {
  globalForFeed.meldpostChangeFeed ??= { boot: randomUUID(), counter: 0, listening: false, starting: null };
  return globalForFeed.meldpostChangeFeed;
}

async function listen(state: TFeed): Promise<void> {
  const client = new pg.Client({ connectionString: getEnv().databaseUrl });
  client.on('notification', () => {
    state.counter += 1;
  });
  const down = (err?: unknown) => {
    if (!state.listening) return;
    state.listening = false;
    state.counter += 1;
    log.warn({ msg: 'change listener down', code: 'live_listen_down', err: errFields(err) });
    void client.end().catch(() => {});
  };
  client.on('error', down);
  client.on('end', () => down());
  await client.connect();
  await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  state.listening = true;
}

export async function changeVersion(): Promise<string> {
  const state = feed();
  if (!state.listening) {
    state.starting ??= listen(state)
      .catch((err: unknown) => {
        log.warn({ msg: 'change listener failed', code: 'live_listen_failed', err: errFields(err) });
        state.counter += 1;
      })
      .finally(() => {
        state.starting = null;
      });
    await state.starting;
  }
  return `${state.boot}:${state.counter}`;
}
