/**
 * The real web app for a test file: `next build` of the current sources into .next-test/<hash>
 * (built once per source state, shared by test files and runs), then `next start` on a free port
 * against the test's database. Stopped by PID.
 *
 * Each app has its own clock for session lifetimes and TOTP (lib/auth/auth-clock.ts, honoured by
 * test builds only): `web.clock.advance(31 * 60_000)` moves it forward instead of waiting.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureOutput, exited, freePort, isAlive, waitFor } from './processes';
import { ensureWebBuild, ROOT, sourceHash } from '../../launcher/web-build';
import { WEB_ENV, WEB_NODE_ARGS } from '../../launcher/web-runtime';

/** The clock a test web app judges sessions and TOTP codes by: the wall clock plus an offset it moves. */
export type TTestClock = { now: () => number; advance: (ms: number) => void };
export type TWeb = {
  url: string;
  pid: number;
  clock: TTestClock;
  output: () => string;
  stop: () => Promise<void>;
};

const clocks = new Map<string, TTestClock>();

/** The clock of the web app at `url` when this process started it (sign-in helpers use it). */
export function testClockOf(url: string): TTestClock | undefined {
  return clocks.get(url);
}

function newTestClock(): { clock: TTestClock; file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'meldpost-clock-'));
  const file = path.join(dir, 'offset-ms');
  let offsetMs = 0;
  writeFileSync(file, '0');
  const clock = {
    now: () => Date.now() + offsetMs,
    advance: (ms: number) => {
      offsetMs += ms;
      writeFileSync(file, String(offsetMs));
    },
  };
  return { clock, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Removes test builds other than the newest few (each is ~100 MB). */
function pruneOldBuilds(keep: string) {
  const dir = path.join(ROOT, '.next-test');
  const builds = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== keep)
    .map((d) => ({ name: d.name, at: statSync(path.join(dir, d.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(2)) rmSync(path.join(dir, old.name), { recursive: true, force: true });
  // The tsconfig each build was made with (launcher/web-build.ts), once its build is gone.
  for (const f of readdirSync(dir)) {
    const build = f.endsWith('.tsconfig.json') ? f.slice(0, -'.tsconfig.json'.length) : null;
    if (build && build !== keep && !existsSync(path.join(dir, build)))
      rmSync(path.join(dir, f), { force: true });
  }
}

export async function startWeb(opts: { databaseUrl: string; env?: Record<string, string> }): Promise<TWeb> {
  const hash = sourceHash();
  const distDir = `.next-test/${hash}`;
  ensureWebBuild(distDir);
  pruneOldBuilds(hash);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testClock = newTestClock();
  const child = spawn(
    process.execPath,
    [
      ...WEB_NODE_ARGS,
      path.join(ROOT, 'node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...WEB_ENV,
        ...opts.env,
        MELDPOST_NEXT_DIST_DIR: distDir,
        MELDPOST_TEST_CLOCK_FILE: testClock.file,
        DATABASE_URL: opts.databaseUrl,
        NEXTAUTH_URL: url,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const out = captureOutput(child);
  const pid = child.pid!;
  const stop = async () => {
    clocks.delete(url);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => isAlive(pid) && process.kill(pid, 'SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    testClock.remove();
  };
  try {
    await waitFor(
      `web app on ${url}:\n${out.text()}`,
      async () => (await fetch(`${url}/api/health`)).status === 200,
      60_000,
      250,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  clocks.set(url, testClock.clock);
  return { url, pid, clock: testClock.clock, output: out.text, stop };
}
