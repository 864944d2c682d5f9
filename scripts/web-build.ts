/**
 * The web build, keyed on the sources it was built from: `npm start` rebuilds when the code
 * changed since the last build (not only when there is none), and tests build into their own
 * directory per source hash, so a test run never serves a build that another run is replacing.
 * Concurrent callers wait on a lock directory instead of building twice.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** Node flags of the web server: the preload that stamps each request with the client's address. */
export const WEB_NODE_ARGS = ['--import', path.join(ROOT, 'scripts/web-client-ip.mjs')] as const;
const SOURCES = ['app', 'lib', 'proxy.ts', 'next.config.js', 'postcss.config.mjs', 'package-lock.json'];
const SKIP = new Set(['node_modules']);

function* files(p: string): Generator<string> {
  const full = path.join(ROOT, p);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    yield p;
    return;
  }
  for (const name of readdirSync(full).sort()) if (!SKIP.has(name)) yield* files(path.join(p, name));
}

/** SHA-256 over the paths and contents of everything the web build reads. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const root of SOURCES)
    for (const f of files(root))
      hash
        .update(f)
        .update('\0')
        .update(readFileSync(path.join(ROOT, f)))
        .update('\0');
  return hash.digest('hex').slice(0, 16);
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds into `distDir` (relative to the project) unless it already holds a build of the current
 * sources. Returns true when it built. Throws with the build's output when `next build` fails.
 */
export function ensureWebBuild(distDir = '.next', log: (line: string) => void = () => {}): boolean {
  const hash = sourceHash();
  const dist = path.join(ROOT, distDir);
  const stamp = path.join(dist, 'meldpost-source-hash');
  const current = () =>
    existsSync(path.join(dist, 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
  if (current()) return false;
  const lock = `${dist}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process is building; a lock older than 15 minutes belongs to a dead one.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 15 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      sleepSync(1000);
      if (current()) return false;
    }
  }
  try {
    if (current()) return false;
    log('De webapplicatie wordt gebouwd (± een minuut)…');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MELDPOST_NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    if (distDir !== '.next') {
      // next build writes its distDir into the tsconfig's include; keep that out of tsconfig.json.
      const tsconfig = `${distDir}.tsconfig.json`;
      writeFileSync(
        path.join(ROOT, tsconfig),
        JSON.stringify({
          extends: path.relative(path.dirname(path.join(ROOT, tsconfig)), path.join(ROOT, 'tsconfig.json')),
        }),
      );
      env.MELDPOST_NEXT_TSCONFIG = tsconfig;
    }
    const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) throw new Error(`next build mislukte:\n${build.stdout}\n${build.stderr}`);
    writeFileSync(stamp, hash);
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
