/**
 * The worker's /metrics shows each mailbox's IMAP session state (meldpost_mailbox_session_state):
 * idle once connected and synchronised, reconnecting while the IMAP server is down, idle again
 * once it is back, config_error when the mailbox's password is refused.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../lib/secrets/crypto';
import { getKeyring } from '../../lib/secrets/keyring';
import { startMetricsServer } from '../../workers/metrics-server';
import { startIngestEnv, type TIngestEnv } from '../support/ingest-env';
import { freePort, waitFor } from '../support/processes';

const TOKEN = 'metrics-token-voor-de-sessietest-0123456789';
let env: TIngestEnv;
let server: Server;
let base: string;

beforeAll(async () => {
  env = await startIngestEnv();
  const port = await freePort();
  server = startMetricsServer({ host: '127.0.0.1', port, token: TOKEN });
  base = `http://127.0.0.1:${port}`;
  env.startWorker();
}, 120_000);

afterAll(async () => {
  await env?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

/** The state whose series is 1 for the test's mailbox, as /metrics shows it. */
async function sessionState(): Promise<string | null> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  const body = await res.text();
  const line = body
    .split('\n')
    .find(
      (l) =>
        l.startsWith('meldpost_mailbox_session_state{') &&
        l.includes(`mailbox="${env.mailbox.name}"`) &&
        l.endsWith(' 1'),
    );
  return /state="([a-z_]+)"/.exec(line ?? '')?.[1] ?? null;
}

const reaches = (state: string, timeoutMs = 30_000) =>
  waitFor(`mailbox session ${state}`, async () => (await sessionState()) === state, timeoutMs, 100);

describe('mailbox session state metric', () => {
  it('is idle once the session is connected and synchronised', async () => {
    await reaches('idle');
    const body = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    expect(body).toMatch(/^# TYPE meldpost_mailbox_session_state gauge$/m);
    // One series per state, exactly one of them 1.
    const series = body.split('\n').filter((l) => l.startsWith('meldpost_mailbox_session_state{'));
    expect(series).toHaveLength(6);
    expect(series.filter((l) => l.endsWith(' 1'))).toHaveLength(1);
  });

  it('is reconnecting while the IMAP server is down, and idle again after', async () => {
    const outage = env.dovecot.restart({ downForMs: 6000 });
    await reaches('reconnecting', 10_000);
    await outage;
    await reaches('idle');
  });

  it('is config_error when the mailbox password is refused', async () => {
    await env.t.db.mailbox.update({
      where: { id: env.mailbox.id },
      data: { secretEnc: encryptSecret('een-verkeerd-wachtwoord', getKeyring()) },
    });
    await reaches('config_error');
  });
});
