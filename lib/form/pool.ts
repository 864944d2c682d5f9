import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LIMITS } from './limits';
import type { TParseOptions } from './parse-bytes';
import { refused } from './refused-result';
import type { TParseResult } from './schema';
import type { TOcrNotice, TParseReply, TParseRequest } from './worker';

/**
 * One warm parse worker, reused for every file. Files are parsed one after another. A file that
 * overruns the time limit, the worker's heap limit or the process-memory growth limit kills the worker — the caller gets a Dutch
 * error, the next file a fresh worker; so does a file that left the PDF engine spent (its reply
 * says `retire`). The worker is unref'd while idle, so a CLI or test that is done simply exits.
 */
/**
 * Where the thread's code is. Bundled (launcher/worker-build.ts: what the mailbox worker runs),
 * it is the plain-JavaScript form-worker.mjs beside this code. From source (CLI, tests, `npm run
 * dev`) it is TypeScript: on Node 20 a loader registered with --import (as `tsx` does) does not
 * reach worker threads, so the thread starts from a tiny script that registers tsx's loader
 * itself and then imports the real worker.
 */
function workerSource(): { source: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts'))
    return { source: new URL('./form-worker.mjs', import.meta.url), eval: false };
  // The ESM build of tsx's API (what `import 'tsx/esm/api'` resolves to), found from its package.
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const workerUrl = new URL('./worker.ts', import.meta.url);
  const source = `(async () => {
    const { register } = await import(${JSON.stringify(tsxApi)});
    register();
    await import(${JSON.stringify(workerUrl.href)});
  })().catch((error) => { throw error; });`;
  return { source, eval: true };
}

type TJob = { request: Omit<TParseRequest, 'id'>; resolve: (result: TParseResult) => void };

let worker: Worker | null = null;
let nextId = 1;
const queue: TJob[] = [];
let running: { id: number; job: TJob; timer: NodeJS.Timeout; memoryWatch: NodeJS.Timeout } | null = null;

const TOO_MUCH_MEMORY = 'Bijlage vraagt te veel geheugen om te lezen; het bestand wordt niet verwerkt.';

function finish(result: TParseResult): void {
  if (!running) return;
  clearTimeout(running.timer);
  clearInterval(running.memoryWatch);
  running.job.resolve(result);
  running = null;
  if (queue.length === 0) worker?.unref();
  runNext();
}

function discardWorker(): void {
  const dead = worker;
  worker = null;
  void dead?.terminate();
}

function startWorker(): Worker {
  const { source, eval: isEval } = workerSource();
  const started = new Worker(source, {
    eval: isEval,
    resourceLimits: {
      maxOldGenerationSizeMb: LIMITS.maxOldGenerationSizeMb,
      maxYoungGenerationSizeMb: LIMITS.maxYoungGenerationSizeMb,
    },
  });
  started.on('message', (reply: TParseReply | TOcrNotice) => {
    if (!running || reply.id !== running.id) return;
    if ('ocrPages' in reply) {
      // OCR has a time limit of its own per page, on top of the file's.
      clearTimeout(running.timer);
      running.timer = startTimer(LIMITS.timeoutMs + reply.ocrPages * LIMITS.ocrPageMs);
      return;
    }
    if (reply.retire) discardWorker();
    if ('result' in reply) finish(reply.result);
    else finish(refused(`Bijlage kon niet worden gelezen (${reply.failure}).`));
  });
  started.on('error', (error: Error & { code?: string }) => {
    if (started !== worker) return;
    discardWorker();
    finish(
      refused(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? TOO_MUCH_MEMORY
          : `Bijlage kon niet worden gelezen (${error.message}).`,
      ),
    );
  });
  started.on('exit', () => {
    if (started !== worker) return;
    worker = null;
    finish(refused('Bijlage kon niet worden gelezen (de verwerking stopte onverwacht).'));
  });
  return started;
}

/**
 * Ends the thread when the process grows by more than the limit during this file: memory outside
 * the V8 heap (ArrayBuffers, zlib, WebAssembly) that the thread's resourceLimits do not bound.
 * The parent's event loop is free while the thread works, so the check runs on time.
 */
function watchMemory(): NodeJS.Timeout {
  const limit = process.memoryUsage.rss() + LIMITS.maxParseRssGrowthMb * 1024 * 1024;
  const watch = setInterval(() => {
    if (process.memoryUsage.rss() <= limit) return;
    discardWorker();
    finish(refused(TOO_MUCH_MEMORY));
  }, LIMITS.rssCheckMs);
  watch.unref();
  return watch;
}

/** Ends the running file's worker when `ms` pass before its answer. */
function startTimer(ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    discardWorker();
    finish(
      refused(
        `Bijlage kon niet binnen ${Math.round(ms / 1000)} seconden worden gelezen; het bestand wordt niet verwerkt.`,
      ),
    );
  }, ms);
  timer.unref();
  return timer;
}

function runNext(): void {
  if (running) return;
  const job = queue.shift();
  if (!job) return;
  worker ??= startWorker();
  worker.ref();
  const id = nextId++;
  running = { id, job, timer: startTimer(LIMITS.timeoutMs), memoryWatch: watchMemory() };
  worker.postMessage({ id, ...job.request } satisfies TParseRequest);
}

/**
 * Starts the worker ahead of the first file, so that file does not wait for PDFium to load. The
 * idle worker does not keep the process alive.
 */
export function warmParser(): void {
  if (worker) return;
  worker = startWorker();
  if (!running) worker.unref();
}

export function parseInWorker(bytes: Uint8Array, options: TParseOptions): Promise<TParseResult> {
  return new Promise((resolve) => {
    queue.push({ request: { bytes, options }, resolve });
    runNext();
  });
}

/** Stops the warm worker (pending files are answered with an error). For shutdown and tests. */
export async function closeParser(): Promise<void> {
  const dead = worker;
  worker = null;
  for (const job of queue.splice(0))
    job.resolve(refused('De verwerking is gestopt voordat de bijlage gelezen was.'));
  finish(refused('De verwerking is gestopt voordat de bijlage gelezen was.'));
  await dead?.terminate();
}
