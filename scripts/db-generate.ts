/**
 * `prisma generate` without the native schema engine, which cannot be downloaded here: the
 * generator does not need it, but the CLI insists on a path, so give it an empty file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'meldpost-engine-'));
const dummy = path.join(dir, 'schema-engine');
writeFileSync(dummy, '', { mode: 0o755 });
const result = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: dummy, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
