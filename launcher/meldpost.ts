/**
 * `meldpost <opdracht>`: the production entry point, plain JavaScript after `npm run build`
 * (dist/launcher/meldpost.mjs). One install or container image runs each part on its own, so
 * web and worker can be scaled and restarted separately.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseEnv } from '../lib/env';
import { PROJECT_ROOT } from '../lib/project-root';
import { WEB_ENV, WEB_NODE_ARGS } from './web-runtime';
import { WORKER_ENTRY, WORKER_ENV, WORKER_NODE_ARGS } from './worker-runtime';

const USAGE = `Gebruik: meldpost <opdracht>
  start     alles in één: ingebouwde PostgreSQL (zonder DATABASE_URL), migraties, web en worker
  web       alleen de webserver (HOST:PORT)
  worker    alleen de worker (mailboxen, uitgaande mail, geplande taken)
  migrate   openstaande migraties toepassen en zo nodig de eerste beheerder aanmaken
  cli …     het beheercommando (meldpost cli zonder meer toont de opdrachten)`;

/**
 * Runs one part as a child process and lives as long as it does: a container's stop signal
 * reaches the part, and the part's exit code becomes ours. (The web server needs a process of
 * its own: it must not run with the react-server condition this launcher runs with.)
 */
function runPart(args: string[], env: Record<string, string> = {}): void {
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env, MELDPOST_SUPERVISED: '1' },
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** HOST and PORT as the rest of the configuration checks them (a bad value stops with one line). */
function listenAddress(): { host: string; port: number } {
  try {
    const env = parseEnv();
    return { host: env.HOST, port: env.PORT };
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(78);
  }
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'start':
    await import('./start');
    break;
  case 'web': {
    const { host, port } = listenAddress();
    const next = path.join(PROJECT_ROOT, 'node_modules/next/dist/bin/next');
    runPart([...WEB_NODE_ARGS, next, 'start', '-p', String(port), '-H', host], {
      ...WEB_ENV,
      NODE_ENV: 'production',
    });
    break;
  }
  case 'worker':
    runPart([...WORKER_NODE_ARGS, WORKER_ENTRY], WORKER_ENV);
    break;
  case 'migrate': {
    const { migrate } = await import('./migrate');
    await migrate().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`Migreren mislukt: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
    break;
  }
  case 'cli':
    // The CLI reads its arguments from process.argv, as when run on its own.
    process.argv = [process.argv[0]!, process.argv[1]!, ...rest];
    await import('../cli/main');
    break;
  default:
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
}
