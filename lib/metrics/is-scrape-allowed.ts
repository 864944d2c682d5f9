import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a scrape may read the metrics: only with METRICS_TOKEN set, and only with exactly that
 * token as a bearer token (compared in constant time, over digests so lengths do not leak).
 */
export function isScrapeAllowed(authorization: string | null, token: string | undefined): boolean {
  if (!token) return false;
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
