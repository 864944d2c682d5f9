/** A web or worker child as a supervised process: spawned with the launcher's stdio, stopped with SIGTERM. */
import { spawn } from 'node:child_process';
import type { TExit, TRunningProcess } from './supervised-process';

const STOP_GRACE_MS = 10_000;

export function childStarter(opts: {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}): () => Promise<TRunningProcess> {
  return async () => {
    const child = spawn(process.execPath, opts.args, { cwd: opts.cwd, stdio: 'inherit', env: opts.env });
    const exited = new Promise<TExit>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    // A spawn that fails (EAGAIN, ENOMEM) ends as an exit without a code.
    child.once('error', () => child.exitCode === null && child.emit('exit', null, null));
    return {
      pid: child.pid ?? null,
      exited,
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      },
    };
  };
}
