/**
 * `npm start` for real: embedded PostgreSQL, migrations, web and worker; health 200; SIGTERM stops
 * every process (by PID); a start after SIGKILL of the supervisor cleans up and starts again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/db/embedded';
import { captureOutput, exited, isAlive, waitFor } from '../support/processes';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HEALTH_TOKEN = 'smoke-test-health-token-0123456789';
const dataDir = mkdtempSync(path.join(tmpdir(), 'meldpost-smoke-'));
const started: ChildProcess[] = [];
const pidsSeen = new Set<number>();

type TRuntime = { supervisorPid: number; postgresPid: number; children: Record<string, number> };
const runtime = (): TRuntime =>
  JSON.parse(readFileSync(path.join(dataDir, 'runtime.json'), 'utf8')) as TRuntime;

async function start(port: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MELDPOST_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    MELDPOST_HEALTH_TOKEN: HEALTH_TOKEN,
  };
  for (const k of ['DATABASE_URL', 'MELDPOST_ENCRYPTION_KEY', 'MELDPOST_PSEUDONYM_KEY', 'NEXTAUTH_SECRET'])
    delete env[k];
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  const out = captureOutput(child);
  await waitFor(
    `"meldpost draait" in output:\n${out.text()}`,
    () => out.text().includes('meldpost draait'),
    // The first start of a clone builds everything first (npm run build), minutes on a busy machine.
    480_000,
  );
  const health = await waitFor(
    'health 200 with a live worker',
    async () => {
      // The details (database, worker) need the token; without it health says only the status.
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, {
        headers: { authorization: `Bearer ${HEALTH_TOKEN}` },
      });
      const body = (await res.json()) as { database: string; worker: { alive: boolean } };
      return res.status === 200 && body.worker.alive ? body : null;
    },
    60_000,
    500,
  );
  const rt = runtime();
  for (const pid of [rt.supervisorPid, rt.postgresPid, ...Object.values(rt.children)]) pidsSeen.add(pid);
  return { child, out, health, rt };
}

/** next-auth's credentials flow over plain HTTP: CSRF token, sign in, session cookie, on to TOTP enrolment. */
async function expectSignInWorks(port: number, email: string, password: string) {
  const base = `http://127.0.0.1:${port}`;
  const anon = await fetch(`${base}/`, { redirect: 'manual' });
  expect(anon.status).toBe(307);
  expect(anon.headers.get('location')).toMatch(/\/login$/);
  const login = await fetch(`${base}/login`);
  const html = await login.text();
  expect(html).toContain('Inloggen');
  // Security headers, with a fresh CSP nonce that Next put on its own scripts.
  const csp = login.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(login.headers.get('referrer-policy')).toBe('no-referrer');
  expect(login.headers.get('x-content-type-options')).toBe('nosniff');
  expect(login.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);

  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      jar.set(k!, v ?? '');
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const signIn = (pw: string) =>
    fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
      body: new URLSearchParams({ csrfToken, email, password: pw, json: 'true' }),
    });
  const wrong = await signIn('verkeerd-wachtwoord');
  expect([...wrong.headers.getSetCookie()].some((c) => c.includes('session-token'))).toBe(false);
  const ok = await signIn(password);
  keep(ok);
  expect([...jar.keys()].some((k) => k.includes('session-token'))).toBe(true);
  // The password alone does not open the dashboard: the new beheerder enrols a TOTP app first.
  const dash = await fetch(`${base}/`, { headers: { cookie: cookie() }, redirect: 'manual' });
  expect(dash.status).toBe(307);
  const next = await fetch(`${base}/login`, { headers: { cookie: cookie() }, redirect: 'manual' });
  expect(next.headers.get('location')).toMatch(/\/login\/koppelen$/);
  const enrol = await fetch(`${base}/login/koppelen`, { headers: { cookie: cookie() } });
  expect(enrol.status).toBe(200);
  expect(await enrol.text()).toContain('data:image/png;base64,');
}

afterAll(async () => {
  // Whatever happened above, leave nothing running: every PID this test saw, by PID.
  for (const pid of pidsSeen) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (const c of started) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts everything, reports health, and stops everything on SIGTERM', async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.health.database).toBe('ok');
    // The password is in a 0600 file in the data dir, never in the output (logs).
    const passwordFile = path.join(dataDir, 'eerste-beheerder.txt');
    expect(first.out.text()).toContain(passwordFile);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(isAlive(first.rt.postgresPid)).toBe(true);

    // The login page and the dashboard behind authentication.
    const password = /wachtwoord: (\S{20})/.exec(readFileSync(passwordFile, 'utf8'))![1]!;
    expect(first.out.text()).not.toContain(password);
    await expectSignInWorks(port, 'beheerder@meldpunt.local', password);

    // A killed worker is restarted by the supervisor.
    process.kill(first.rt.children.worker!, 'SIGKILL');
    const newWorker = await waitFor(
      'a new worker',
      () => runtime().children.worker !== first.rt.children.worker && runtime().children.worker,
      20_000,
    );
    pidsSeen.add(newWorker);
    const rtNow = runtime();

    process.kill(first.rt.supervisorPid, 'SIGTERM');
    await exited(first.child);
    for (const pid of [first.rt.supervisorPid, first.rt.postgresPid, ...Object.values(rtNow.children)]) {
      await waitFor(`pid ${pid} to be gone`, () => !isAlive(pid), 15_000);
    }
    // The npm process's exit can come before the last of its output has been read.
    await waitFor(
      '"meldpost is gestopt" in output',
      () => first.out.text().includes('meldpost is gestopt'),
      10_000,
    );

    // A second start: the same database, no new beheerder, no pending migrations.
    const second = await start(port);
    expect(second.out.text()).not.toContain('eerste-beheerder.txt');
    expect(second.out.text()).toContain('geen openstaande migraties');

    // SIGKILL of the supervisor orphans postgres and the web server; the next start cleans up.
    process.kill(second.rt.supervisorPid, 'SIGKILL');
    await exited(second.child);
    expect(isAlive(second.rt.postgresPid)).toBe(true);

    const third = await start(port);
    expect(third.health.database).toBe('ok');
    expect(isAlive(second.rt.postgresPid)).toBe(false);
    expect(isAlive(second.rt.children.web!)).toBe(false);
    expect(isAlive(second.rt.children.worker!)).toBe(false);

    process.kill(third.rt.supervisorPid, 'SIGTERM');
    await exited(third.child);
    for (const pid of [third.rt.postgresPid, ...Object.values(third.rt.children)]) {
      await waitFor(`pid ${pid} to be gone`, () => !isAlive(pid), 15_000);
    }
  }, 900_000);
});
