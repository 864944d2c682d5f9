import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { collectDatabaseMetrics } from '@/lib/metrics/collect-database-metrics';
import { isScrapeAllowed } from '@/lib/metrics/is-scrape-allowed';
import { getMetrics } from '@/lib/metrics/registry';

export const dynamic = 'force-dynamic';

/**
 * Prometheus metrics of this web process and of the installation (from the database). Off
 * without METRICS_TOKEN; with it, only for a scrape that presents the token as bearer token.
 */
export async function GET(request: Request) {
  const token = getEnv().METRICS_TOKEN;
  if (!token)
    return new Response('Niet gevonden\n', { status: 404, headers: { 'cache-control': 'no-store' } });
  if (!isScrapeAllowed(request.headers.get('authorization'), token))
    return new Response('Token ontbreekt of klopt niet\n', {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="meldpost-metrics"', 'cache-control': 'no-store' },
    });
  const { registry } = getMetrics();
  await collectDatabaseMetrics({ db: getDb(), registry });
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
