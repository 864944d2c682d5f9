/**
 * The first half of `npm start`: where the build tools are installed (a clone with its
 * devDependencies), build what is missing or older than the sources (`npm run build
 * --if-stale`); in a production install (`npm ci --omit=dev`) check that there is a build.
 * Plain JavaScript, because a production install has no TypeScript loader.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const canBuild = ['tsx', 'esbuild'].every((name) => existsSync(path.join(root, 'node_modules', name)));
if (canBuild) {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'launcher/build.ts', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(build.status ?? 1);
}
if (
  !existsSync(path.join(root, 'dist/launcher/meldpost.mjs')) ||
  !existsSync(path.join(root, '.next/BUILD_ID'))
) {
  process.stderr.write(
    'Geen build gevonden (dist/launcher/, .next/): bouw eerst met npm run build, in een installatie met devDependencies.\n',
  );
  process.exit(1);
}
