/**
 * Debian packages the tests drive for real (Dovecot, Chromium): installed with apt-get when
 * missing and running as root, otherwise a clear message saying what to install. Concurrent test
 * files wait on a lock file instead of racing apt.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const INSTALL_LOCK = path.join(tmpdir(), 'meldpost-apt-install.lock');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureDebianPackage(binary: string, pkg: string): Promise<void> {
  if (existsSync(binary)) return;
  if (process.getuid?.() !== 0)
    throw new Error(`${binary} ontbreekt: installeer ${pkg} (apt-get install -y ${pkg})`);
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    let fd: number;
    try {
      fd = openSync(INSTALL_LOCK, 'wx');
    } catch {
      // Someone else installs; a lock older than the deadline is stale (a killed installer).
      const lock = statSync(INSTALL_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 10 * 60_000) rmSync(INSTALL_LOCK, { force: true });
      await sleep(1000);
      if (existsSync(binary)) return;
      continue;
    }
    try {
      if (existsSync(binary)) return;
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      for (const args of [
        ['update', '-q'],
        ['install', '-y', '-q', '--no-install-recommends', pkg],
      ]) {
        const r = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 9 * 60_000 });
        if (r.status !== 0)
          throw new Error(
            `apt-get ${args.join(' ')} mislukt: ${(r.stderr || r.error?.message || '').slice(-500)}`,
          );
      }
      if (!existsSync(binary)) throw new Error(`${binary} ontbreekt na installatie van ${pkg}`);
      return;
    } finally {
      closeSync(fd);
      unlinkSync(INSTALL_LOCK);
    }
  }
  throw new Error(`${binary} ontbreekt: wachten op een andere installatie duurde te lang`);
}
