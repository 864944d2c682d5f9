/**
 * The install's top directory (where package.json, prisma/ and node_modules/ are). Found by
 * walking up from this code, because the same code runs from source (lib/) and bundled
 * (dist/launcher/, dist/worker/), at different depths.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`geen package.json boven ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);
