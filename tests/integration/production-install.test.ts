/**
 * A production install for real: the build (web, worker, launcher) beside the sources in a fresh
 * directory, `npm ci --omit=dev` there — no tsx, esbuild, TypeScript, Tailwind — and `npm start`
 * on plain Node against an external PostgreSQL, to a healthy /api/health with a live worker.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLauncher } from '../../launcher/build';
import { ensureWebBuild, ROOT, sourceHash } from '../../launcher/web-build';
import { buildWorker } from '../../launcher/worker-build';
import { createTestDb, type TTestDb } from '../support/db';
import { captureOutput, exited, freePort, isAlive, waitFor } from '../support/processes';

const installDir = mkdtempSync(path.join(tmpdir(), 'meldpost-prod-'));
let testDb: TTestDb | undefined;
let started: ChildProcess | undefined;

afterAll(async () => {
  if (started?.pid && isAlive(started.pid)) {
    started.kill('SIGKILL');
    await exited(started);
  }
  await testDb?.drop();
  // Half a gigabyte of node_modules: removing it takes minutes on a busy disk.
  await rm(installDir, { recursive: true, force: true });
}, 600_000);

/** The files git knows (committed or not ignored): what a clone holds. */
function cloneFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed.stdout.split('\0').filter((f) => f && existsSync(path.join(ROOT, f)));
}

const HEALTH_TOKEN = 'production-install-health-token-0123456789';

describe('production install', () => {
  it('installs without devDependencies and starts with plain node', async () => {
    // The build, as `npm run build` makes it (the web part shared with the other tests' build).
    const webDist = `.next-test/${sourceHash()}`;
    ensureWebBuild(webDist);
    buildWorker();
    buildLauncher();
    for (const file of cloneFiles()) {
      mkdirSync(path.dirname(path.join(installDir, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(installDir, file));
    }
    cpSync(path.join(ROOT, webDist), path.join(installDir, '.next'), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}cache`),
    });
    cpSync(path.join(ROOT, 'dist'), path.join(installDir, 'dist'), { recursive: true });

    const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: installDir,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
    // The one engine warning allowed: npm keeps the Prisma CLI (an optional peer of @prisma/client)
    // even with --omit=dev, and its `prisma dev` server (never used here) wants Node 22.
    const engineWarnings = [...install.stderr.matchAll(/EBADENGINE\s+package: '([^']+)'/g)].map((m) => m[1]);
    expect(engineWarnings.filter((name) => !name!.startsWith('@prisma/streams-local@'))).toEqual([]);
    for (const devOnly of ['tsx', 'esbuild', 'tailwindcss', '@tailwindcss/postcss', 'vitest', 'eslint'])
      expect(existsSync(path.join(installDir, 'node_modules', devOnly)), devOnly).toBe(false);

    testDb = await createTestDb();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: testDb.url,
      MELDPOST_DATA_DIR: path.join(installDir, 'data'),
      PORT: String(port),
      WORKER_HEARTBEAT_SEC: '1',
      LOG_LEVEL: 'warn',
      // Health details (the worker's heartbeat) are only for a beheerder or monitoring with a token.
      MELDPOST_HEALTH_TOKEN: HEALTH_TOKEN,
    };
    delete env.NODE_OPTIONS;
    started = spawn('npm', ['start'], { cwd: installDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = captureOutput(started);
    await waitFor(
      `a healthy /api/health with a live worker:\n${out.text()}`,
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, {
          headers: { authorization: `Bearer ${HEALTH_TOKEN}` },
        });
        const body = (await res.json()) as { worker?: { alive: boolean } };
        return res.status === 200 && body.worker?.alive === true;
      },
      180_000,
      500,
    );
    expect(out.text()).not.toContain('De webapplicatie wordt gebouwd');

    process.kill(started.pid!, 'SIGTERM');
    await exited(started);
  }, 600_000);
});
