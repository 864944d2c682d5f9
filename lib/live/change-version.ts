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
type TFeed = {
  boot: string;
  counter: number;
  /** The counter at each melding's last change (bounded: oldest forgotten first). */
  meldingen: Map<string, number>;
  listening: boolean;
  starting: Promise<void> | null;
};

const REMEMBERED = 2000;

const globalForFeed = globalThis as unknown as { meldpostChangeFeed?: TFeed };

function feed(): TFeed {
  globalForFeed.meldpostChangeFeed ??= {
    boot: randomUUID(),
    counter: 0,
    meldingen: new Map(),
    listening: false,
    starting: null,
  };
  return globalForFeed.meldpostChangeFeed;
}

async function listen(state: TFeed): Promise<void> {
  const client = new pg.Client({ connectionString: getEnv().databaseUrl });
  client.on('notification', (message) => {
    state.counter += 1;
    if (message.payload) {
      state.meldingen.delete(message.payload);
      state.meldingen.set(message.payload, state.counter);
      if (state.meldingen.size > REMEMBERED) state.meldingen.delete(state.meldingen.keys().next().value!);
    }
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

/** The version of everything, or of one melding (changes only when that melding changed). */
export async function changeVersion(meldingId?: string): Promise<string> {
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
  if (meldingId !== undefined)
    return `${state.boot}:${state.listening ? (state.meldingen.get(meldingId) ?? 0) : state.counter}`;
  return `${state.boot}:${state.counter}`;
}
