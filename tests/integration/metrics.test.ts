/**
 * /metrics on the real web app: refused without the token (401) and with a wrong one, off (404)
 * without METRICS_TOKEN, and with the token the Prometheus text with every named series, with
 * figures from the database (a mailbox, a failed sign-in).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_ENTRY, WORKER_ENV, WORKER_NODE_ARGS } from '../../launcher/worker-runtime';
import { createTestDb, type TTestDb } from '../support/db';
import { exited, freePort, waitFor } from '../support/processes';
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
    // Every series the Grafana dashboard in docs/ queries is one /metrics exposes.
    const dashboard = readFileSync(
      path.resolve(import.meta.dirname, '../../docs/grafana-dashboard.json'),
      'utf8',
    );
    const queried = new Set(
      [...dashboard.matchAll(/meldpost_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, '')),
    );
    for (const name of queried)
      expect(body, `dashboard series ${name}`).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
  });

  it("serves the worker's own metrics and liveness on METRICS_PORT", async () => {
    const port = await freePort();
    const worker = spawn(process.execPath, [...WORKER_NODE_ARGS, WORKER_ENTRY], {
      env: {
        ...process.env,
        ...WORKER_ENV,
        DATABASE_URL: t.url,
        METRICS_PORT: String(port),
        METRICS_TOKEN: TOKEN,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        'worker /healthz',
        async () => (await fetch(`${base}/healthz`)).status === 200,
        60_000,
        250,
      );
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const body = await res.text();
      expect(body).toMatch(/^# TYPE meldpost_form_parse_duration_seconds histogram$/m);
      expect(body).toMatch(/^meldpost_process_resident_memory_bytes\{process="worker"\} \d+/m);
    } finally {
      worker.kill('SIGTERM');
      await exited(worker);
    }
  });
});
