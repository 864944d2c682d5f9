/**
 * /metrics on the real web app: refused without the token (401) and with a wrong one, off (404)
 * without METRICS_TOKEN, and with the token the Prometheus text with every named series, with
 * figures from the database (a mailbox, a failed sign-in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TTestDb } from '../support/db';
import { startWeb, type TWeb } from '../support/web';

const TOKEN = 'metrics-token-voor-de-test-0123456789';
let t: TTestDb;
let web: TWeb;
let webWithoutToken: TWeb;

beforeAll(async () => {
  t = await createTestDb();
  await t.db.mailbox.create({
    data: {
      name: 'Meldpunt metriek',
      imapHost: '127.0.0.1',
      smtpHost: '127.0.0.1',
      username: 'meldpunt',
      secretEnc: 'niet-gebruikt',
      fromAddress: 'meldpunt@gemeente.example',
      signalRecipient: 'signalen@politie-keten.example',
      lastSyncAt: new Date(),
    },
  });
  await t.db.loginAttempt.create({
    data: { email: 'iemand@meldpunt.test', ip: '192.0.2.7', success: false },
  });
  web = await startWeb({ databaseUrl: t.url, env: { METRICS_TOKEN: TOKEN } });
  webWithoutToken = await startWeb({ databaseUrl: t.url });
});

afterAll(async () => {
  await web?.stop();
  await webWithoutToken?.stop();
  await t?.drop();
});

const SERIES = [
  'meldpost_inbound_messages',
  'meldpost_outbox_queue_depth',
  'meldpost_outbox_oldest_age_seconds',
  'meldpost_work_items',
  'meldpost_work_oldest_age_seconds',
  'meldpost_signal_latency_seconds',
  'meldpost_mailbox_up',
  'meldpost_mailbox_last_sync_age_seconds',
  'meldpost_login_failures_recent',
  'meldpost_login_locked_accounts',
  'meldpost_worker_last_heartbeat_age_seconds',
  'meldpost_http_request_duration_seconds',
  'meldpost_form_parse_duration_seconds',
  'meldpost_process_resident_memory_bytes',
  'meldpost_nodejs_heap_size_used_bytes',
];

describe('/metrics', () => {
  it('refuses a scrape without the token or with a wrong one', async () => {
    const none = await fetch(`${web.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await none.text()).not.toContain('meldpost_');
    const wrong = await fetch(`${web.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
  });

  it('is off without METRICS_TOKEN', async () => {
    const res = await fetch(`${webWithoutToken.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(404);
  });

  it('exposes every named series with the token', async () => {
    const res = await fetch(`${web.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    for (const name of SERIES) expect(body, name).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    expect(body).toMatch(/^meldpost_mailbox_up\{[^}]*mailbox="Meldpunt metriek"[^}]*\} 1$/m);
    expect(body).toMatch(/^meldpost_login_failures_recent\{[^}]*\} 1$/m);
    expect(body).toMatch(/^meldpost_outbox_queue_depth\{[^}]*state="QUEUED"[^}]*\} 0$/m);
  });
});
