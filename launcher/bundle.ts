/**
 * esbuild for the production entry points: TypeScript sources bundled into plain ESM for Node
 * (packages stay in node_modules, so a production install needs only the dependencies). Each
 * file is written under a temporary name and renamed, so an instance starting beside a build
 * never reads a half-written file.
 */
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from '../lib/project-root';

export function bundle(opts: {
  /** Output name (without .mjs) → source path relative to the project. */
  entryPoints: Record<string, string>;
  outdir: string;
  /** A first line, e.g. a shebang; its files are made executable. */
  banner?: string;
}): void {
  const result = buildSync({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: opts.entryPoints,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: opts.outdir,
    outExtension: { '.js': '.mjs' },
    banner: opts.banner ? { js: opts.banner } : undefined,
    // A production bundle never lets a test clock in (lib/auth/auth-clock.ts).
    define: { 'process.env.MELDPOST_TEST_BUILD': JSON.stringify('no') },
    write: false,
    logLevel: 'error',
  });
  mkdirSync(opts.outdir, { recursive: true });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    if (opts.banner) chmodSync(temp, 0o755);
    renameSync(temp, file.path);
  }
}
