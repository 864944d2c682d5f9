/**
 * The worker's own /metrics (parse durations, memory and event loop of the worker process) on
 * METRICS_PORT, behind the same bearer token as the web's. The installation-wide figures
 * (queues, mailboxes, latency) are on the web's /metrics; they come from the database.
 * `/healthz` answers 200 while the process's event loop runs (a liveness probe; it names nothing).
 */
import { createServer, type Server } from 'node:http';
import { getLogger } from '../lib/log';
import { isScrapeAllowed } from '../lib/metrics/is-scrape-allowed';
import { getMetrics } from '../lib/metrics/registry';

const log = getLogger('metrics');

export function startMetricsServer(opts: { host: string; port: number; token: string | undefined }): Server {
  const server = createServer((request, response) => {
    if (request.url === '/healthz') return void response.writeHead(200).end('ok\n');
    if (request.url !== '/metrics') return void response.writeHead(404).end();
    if (!isScrapeAllowed(request.headers.authorization ?? null, opts.token))
      return void response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    const { registry } = getMetrics();
    registry.metrics().then(
      (body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  server.listen(opts.port, opts.host, () =>
    log.info({ msg: 'worker metrics listening', code: 'metrics_listening', port: opts.port }),
  );
  return server;
}
