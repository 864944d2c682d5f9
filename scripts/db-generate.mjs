/**
 * `prisma generate` (npm install's postinstall, `npm run db:generate`, `npm run build`) without
 * the native schema engine, which cannot be downloaded everywhere: the generator does not need
 * it, but the CLI insists on a path, so give it an empty file. Plain JavaScript, because a
 * production install (`npm ci --omit=dev`) has neither tsx nor the Prisma CLI: there the client
 * is already compiled into the build, and this step says so and does nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const prismaCli = path.join(root, 'node_modules/prisma/build/index.js');
// Without the sources (lib/) or the CLI, this is an install of a build.
if (!existsSync(prismaCli) || !existsSync(path.join(root, 'lib/db'))) {
  process.stdout.write('Prisma-client niet gegenereerd: productie-installatie (de build bevat hem al).\n');
  process.exit(0);
}
const dir = mkdtempSync(path.join(tmpdir(), 'meldpost-engine-'));
const dummy = path.join(dir, 'schema-engine');
writeFileSync(dummy, '', { mode: 0o755 });
const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: dummy, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
