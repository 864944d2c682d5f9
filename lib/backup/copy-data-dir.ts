/**
 * Copies a running PostgreSQL data directory file by file for a base backup. Files may change or
 * vanish while they are copied (the server runs on): WAL replay from the backup's start point
 * repairs torn pages, and a vanished file is one the server removed, so it is skipped.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Runtime state the server rebuilds at start, and the WAL (copied after the backup stops). */
const SKIP_CONTENTS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map']);

const vanished = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export async function copyDataDir(from: string, to: string, relative = ''): Promise<void> {
  await mkdir(path.join(to, relative), { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = await readdir(path.join(from, relative), { withFileTypes: true });
  } catch (err) {
    if (vanished(err)) return;
    throw err;
  }
  for (const entry of entries) {
    const name = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      if (SKIP_CONTENTS.has(name)) await mkdir(path.join(to, name), { recursive: true, mode: 0o700 });
      else if (!entry.name.startsWith('pgsql_tmp')) await copyDataDir(from, to, name);
    } else if (entry.isFile() && !(relative === '' && SKIP_FILES.has(entry.name))) {
      await copyFile(path.join(from, name), path.join(to, name)).catch((err: unknown) => {
        if (!vanished(err)) throw err;
      });
    }
  }
}

/** The WAL segments (regular files only) into the copy's pg_wal, after pg_backup_stop. */
export async function copyWal(from: string, to: string): Promise<string[]> {
  const walDir = path.join(from, 'pg_wal');
  const segments = (await readdir(walDir, { withFileTypes: true }))
    .filter((e) => e.isFile() && /^[0-9A-F]{24}$/.test(e.name))
    .map((e) => e.name)
    .sort();
  await mkdir(path.join(to, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
  for (const segment of segments)
    await copyFile(path.join(walDir, segment), path.join(to, 'pg_wal', segment));
  return segments;
}
